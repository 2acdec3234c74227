package com.mailtrail.mail.outbound;

public enum SmtpSecurity {

	/** Plain SMTP, no encryption (only for servers on a trusted network). */
	NONE,

	/** Plain connection upgraded with STARTTLS, usually port 587; the upgrade is required. */
	STARTTLS,

	/** TLS from the first byte ("SMTPS"), usually port 465. */
	SSL

}
