package com.mailtrail.mail.inbound;

/**
 * Durably keeps an accepted message. The application implements it by committing the raw
 * message and a "to be processed" record in one transaction, once for all recipients.
 * <p>
 * Called at most once per SMTP transaction, on the session's thread, after the whole message
 * was read and checked; many sessions call it at once. The listener answers 250 only after
 * this method returned, so it must not return before the commit. A sending server retries
 * after any failure, so the same message may arrive again: deduplicate on Message-ID.
 */
public interface InboundMessageStore {

	/**
	 * Stores the message for every recipient of the envelope.
	 * @param envelope the sender, recipients and connection facts
	 * @param rawMessage the message exactly as received (dot-unstuffed, CRLF line ends as
	 * sent), preceded by the listener's own {@code Received} header
	 * @throws RuntimeException when it could not commit; the listener answers
	 * {@code 451 4.3.0} so that the sending server retries
	 */
	void store(InboundEnvelope envelope, byte[] rawMessage);

}
