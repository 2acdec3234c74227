package com.mailtrail.mail.outbound;

/**
 * Changes the HTML part of an email at send time; open and click tracking plugs in here. Rewriters must be
 * idempotent per email (a retried send rewrites again and must produce the same links), and the stored email
 * keeps the HTML as written, so viewing it in Mailtrail never fires tracking.
 */
public interface OutgoingHtmlRewriter {

	String rewrite(OutgoingHtml outgoing);

}
