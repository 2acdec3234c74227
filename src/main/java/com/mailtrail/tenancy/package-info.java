/**
 * Which company account (tenant) a piece of data belongs to, and the one place that binds it to the current thread.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.mailtrail.tenancy;
