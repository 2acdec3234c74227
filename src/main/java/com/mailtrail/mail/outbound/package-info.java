/**
 * Outgoing mail: each user's SMTP account with its encrypted password and a real connection test, the durable
 * outbox that composed emails wait in, and the sender that works it.
 */
@org.springframework.modulith.NamedInterface("outbound")
package com.mailtrail.mail.outbound;
