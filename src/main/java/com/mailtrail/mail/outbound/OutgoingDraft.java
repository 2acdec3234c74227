package com.mailtrail.mail.outbound;

import java.util.List;
import java.util.UUID;

import com.mailtrail.mail.RecordType;

/**
 * What a user submits from the compose form, already checked by the form: addresses parsed, no line breaks in any
 * header field, attachments within the limit. The body is HTML as the editor produced it; it is sanitised here.
 *
 * @param replyTo the email answered (threading, quoting), or null
 * @param forwardOf the email forwarded, whose attachments go along, or null
 * @param recordType the record the email was composed from, linked to it; null for none
 */
public record OutgoingDraft(UUID ownerId, List<Recipient> to, List<Recipient> cc, List<Recipient> bcc, String subject,
		String html, boolean tracked, List<NewAttachment> attachments, UUID replyTo, UUID forwardOf,
		RecordType recordType, UUID recordId) {

	public record Recipient(String name, String address) {
	}

	public record NewAttachment(String filename, String contentType, byte[] content) {

		@Override
		public String toString() {
			return "NewAttachment[" + this.filename + ", " + this.content.length + " bytes]";
		}

	}

}
