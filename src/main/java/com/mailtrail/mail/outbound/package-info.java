/**
 * Outgoing mail: each user's SMTP account with its encrypted password and a real connection test.
 */
package com.mailtrail.mail.outbound;
