package com.mailtrail.mail.outbound;

/**
 * What a user enters for their outgoing account.
 *
 * @param password the new password, or {@code null}/blank to keep the stored one
 */
public record SmtpAccountSettings(String host, int port, SmtpSecurity security, String username, String password,
		String senderName, String senderAddress) {

	@Override
	public String toString() {
		return "SmtpAccountSettings[" + this.host + ":" + this.port + ", " + this.security + ", password=<hidden>]";
	}

}
