package com.mailtrail.mail;

public enum LinkMode {

	/** Emails are linked to deals only by hand. */
	MANUAL,

	/** An email with exactly one open deal among its people is linked to it. */
	AUTOMATIC

}
