package com.mailtrail.mail.inbound.parsing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

/** Recognises mail that a machine sent (auto-replies and bounces), which must never create records or loops. */
final class AutoSubmissions {

	private static final Pattern DAEMON = Pattern.compile("(?i)^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@.*");

	private static final Pattern BOUNCE_SUBJECT = Pattern.compile("(?iu)undeliver|delivery status notification"
			+ "|delivery failure|delivery has failed|mail delivery failed|returned mail|failure notice|unzustellbar"
			+ "|nicht zustellbar|non remis|non distribuable|no se puede entregar|non recapitabile");

	/** What mail servers write in the body of a bounce that is not a multipart/report. */
	private static final Pattern BOUNCE_BODY = Pattern.compile("(?iu)delivery to the following recipients? failed"
			+ "|could not be delivered|was not delivered|message not delivered|undeliverable|user unknown"
			+ "|mailbox unavailable|delivery has failed|returned to sender|permanent (?:fatal )?error"
			+ "|\\b5\\.\\d\\.\\d{1,3}\\b");

	private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile("(?iu)^\\s*(?:automatic reply|auto-?reply"
			+ "|out of (?:the )?office|abwesenheitsnotiz|automatische antwort|réponse automatique"
			+ "|respuesta automática|risposta automatica|resposta automática|automatisch antwoord"
			+ "|automatyczna odpowiedź)\\b");

	private static final Pattern ORIGINAL_MESSAGE_ID = Pattern
		.compile("(?im)^\\s*(?:original-message-id|message-id)\\s*:\\s*(<?[^\\s>]+>?)");

	private AutoSubmissions() {
	}

	static AutoSubmission classify(Headers headers, List<EmailParticipant> authors, String subject, String text,
			MessageParts parts) {
		boolean deliveryReport = parts.report && parts.attachments.stream()
			.anyMatch((a) -> a.contentType().equals("message/delivery-status"));
		boolean daemon = authors.isEmpty()
				|| authors.stream().anyMatch((a) -> DAEMON.matcher(a.address()).matches());
		// The body is searched only for a daemon's mail: the pattern is costly on long texts, and a person's mail
		// that quotes a bounce is not one.
		if (deliveryReport || (daemon && (headers.first("X-Failed-Recipients") != null || bounceText(subject, text)))) {
			return AutoSubmission.BOUNCE;
		}
		if (parts.report) {
			return AutoSubmission.AUTO_REPLY; // read receipts and abuse reports: machine-made, never a person
		}
		String autoSubmitted = lower(headers.decoded("Auto-Submitted"));
		String precedence = lower(headers.decoded("Precedence"));
		if ((!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no"))
				|| precedence.matches("(bulk|auto_reply|junk)")
				|| headers.first("X-Autoreply") != null || headers.first("X-Autorespond") != null
				|| headers.first("X-Autoresponder") != null || "yes".equals(lower(headers.decoded("X-Auto-Reply")))
				|| (subject != null && AUTO_REPLY_SUBJECT.matcher(subject).find())) {
			return AutoSubmission.AUTO_REPLY;
		}
		return AutoSubmission.NONE;
	}

	/** The Message-ID of the message that bounced: from the report fields, the returned message, or the text. */
	static String bouncedMessageId(MessageParts parts, List<ParsedEmail> attached, String text) {
		for (String report : parts.reportTexts) {
			Matcher matcher = Pattern.compile("(?im)^\\s*original-message-id\\s*:\\s*(<?[^\\s>]+>?)").matcher(report);
			if (matcher.find()) {
				String id = MessageIds.parseOne(matcher.group(1));
				if (id != null) {
					return id;
				}
			}
		}
		for (ParsedEmail returned : attached) {
			if (returned.messageId() != null) {
				return returned.messageId();
			}
		}
		for (String report : parts.reportTexts) {
			try {
				InternetHeaders headers = new InternetHeaders(
						new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)));
				String id = MessageIds.parseOne(headers.getHeader("Message-ID", null));
				if (id != null) {
					return id;
				}
			}
			catch (MessagingException | RuntimeException ex) {
				// not a header block
			}
		}
		Matcher inText = ORIGINAL_MESSAGE_ID.matcher(text == null ? "" : text);
		while (inText.find()) {
			String id = MessageIds.parseOne(inText.group(1));
			if (id != null) {
				return id;
			}
		}
		return null;
	}

	private static boolean bounceText(String subject, String text) {
		return (subject != null && BOUNCE_SUBJECT.matcher(subject).find())
				|| (text != null && BOUNCE_BODY.matcher(text).find());
	}

	private static String lower(String value) {
		return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
	}

}
