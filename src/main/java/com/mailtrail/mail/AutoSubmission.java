package com.mailtrail.mail;

/** Mail no person wrote: it is kept and marked, but never creates contacts or deal links. */
public enum AutoSubmission {

	NONE, AUTO_REPLY, BOUNCE

}
