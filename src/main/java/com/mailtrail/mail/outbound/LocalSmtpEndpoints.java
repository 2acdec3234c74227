package com.mailtrail.mail.outbound;

/**
 * A local SMTP server that Mailtrail itself runs (the demo mail catcher): accounts may point at exactly this host
 * and port even where private networks are otherwise refused.
 */
public interface LocalSmtpEndpoints {

	boolean allows(String host, int port);

}
