/**
 * The one HTML sanitiser: every piece of HTML a user or a sender controls goes through it before a browser sees it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.mailtrail.html;
