/**
 * Outgoing mail: each user's SMTP account with its encrypted password and a real connection test, the durable
 * outbox that composed emails wait in, the sender that works it, and the send-time hook
 * ({@link com.mailtrail.mail.outbound.OutgoingHtmlRewriter}) that tracking plugs into.
 */
@org.springframework.modulith.NamedInterface("outbound")
package com.mailtrail.mail.outbound;
