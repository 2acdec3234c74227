package com.mailtrail.mail;

/** Where an email sent from Mailtrail stands; received email has none. */
public enum DeliveryStatus {

	QUEUED, SENDING, SENT, FAILED, CANCELLED, BOUNCED

}
