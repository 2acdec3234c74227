/**
 * The user's email settings pages: Smart BCC address and strict forwarding, and the linking preferences.
 */
package com.mailtrail.mail.settings;
