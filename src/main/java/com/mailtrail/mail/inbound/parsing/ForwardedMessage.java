package com.mailtrail.mail.inbound.parsing;

import java.time.Instant;
import java.util.List;

/**
 * The original message inside a forward.
 *
 * @param kind whether the original was attached as {@code message/rfc822} or quoted in the body
 * @param from the original sender, or {@code null} when the block did not name one
 * @param to the original To recipients
 * @param cc the original Cc recipients
 * @param subject the original subject
 * @param date the original date as written (clients write it in their own language)
 * @param parsedDate the date when it could be read, else {@code null}; a date written without zone (as Gmail and
 * Outlook write it in English) is read as UTC
 * @param note the forwarder's own text above the forwarded block, possibly empty
 * @param messageId the original Message-ID (attached forwards only), else {@code null}
 */
public record ForwardedMessage(Kind kind, EmailParticipant from, List<EmailParticipant> to,
		List<EmailParticipant> cc, String subject, String date, Instant parsedDate, String note, String messageId) {

	public enum Kind {

		ATTACHED, INLINE

	}

	public ForwardedMessage {
		to = List.copyOf(to);
		cc = List.copyOf(cc);
		note = note == null ? "" : note;
	}

}
