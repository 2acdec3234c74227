package com.mailtrail.mail.inbound.parsing;

/** Whether a machine rather than a person sent the message, so it must not create records or replies. */
public enum AutoSubmission {

	NONE, AUTO_REPLY, BOUNCE

}
