package com.mailtrail.mail.outbound;

/** The user has no outgoing account: nothing can be sent until they add one. */
public class NoSmtpAccountException extends RuntimeException {

	public NoSmtpAccountException() {
		super("Add your outgoing email account under Email settings → SMTP & BCC before sending.");
	}

}
