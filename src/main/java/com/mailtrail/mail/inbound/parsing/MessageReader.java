package com.mailtrail.mail.inbound.parsing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads one message (the top-level one or an attached one) into a {@link ParsedEmail}. One instance per message:
 * it collects the problems it meets on the way.
 */
final class MessageReader {

	/** Attached messages inside attached messages: enough for "Re: Fwd: Fwd:", not enough for a zip bomb. */
	private static final int MAX_NESTING = 5;

	/** Headers whose presence shows that the input is a mail message at all. */
	private static final List<String> KNOWN_HEADERS = List.of("From", "To", "Cc", "Subject", "Date", "Message-ID",
			"Content-Type", "MIME-Version", "Received", "Return-Path", "In-Reply-To", "References", "Sender",
			"Reply-To", "Delivered-To");

	private final Session session;

	private final int nesting;

	private final List<String> problems = new ArrayList<>();

	private String writtenDate;

	private ParsedEmail result;

	MessageReader(Session session, int nesting) {
		this.session = session;
		this.nesting = nesting;
	}

	ParsedEmail read(byte[] input, String sha256) {
		this.result = readMessage(input, sha256);
		return this.result;
	}

	private ParsedEmail readMessage(byte[] input, String sha256) {
		byte[] raw = RawInput.clean(input);
		if (raw.length == 0 || new String(raw, StandardCharsets.ISO_8859_1).isBlank()) {
			this.problems.add("Empty message");
			return unreadable(sha256);
		}
		MimeMessage message;
		try {
			message = new MimeMessage(this.session, new ByteArrayInputStream(raw));
		}
		catch (MessagingException | RuntimeException ex) {
			this.problems.add("Unreadable header block: " + ex.getMessage());
			return unreadable(sha256);
		}
		Headers headers = new Headers(message);
		this.writtenDate = HeaderText.decode(headers.first("Date"));
		boolean looksLikeMail = KNOWN_HEADERS.stream().anyMatch((name) -> headers.first(name) != null);
		if (!looksLikeMail) {
			this.problems.add("No mail headers found: not a mail message, or its headers are destroyed");
		}

		List<EmailParticipant> authors = Addresses.parse(headers.first("From"));
		String rawFrom = headers.first("From");
		if (rawFrom != null && !Addresses.isStrictlyValid(rawFrom)) {
			this.problems.add("From header is not a valid address list; the sender may be spoofed");
		}
		String subject = HeaderText.decode(headers.first("Subject"));
		MessageParts parts = new MimeTreeWalker(this.problems).walk(message);

		String html = parts.htmls.isEmpty() ? null : String.join("\n", parts.htmls);
		String text = tidy(String.join("\n", parts.texts));
		if (text.isBlank() && html != null) {
			text = HtmlText.toText(html);
		}

		List<MessageReader> attachedReaders = readAttached(parts);
		List<ParsedEmail> attached = attachedReaders.stream().map(MessageReader::result).toList();
		AutoSubmission auto = AutoSubmissions.classify(headers, authors, subject, text, parts);
		// A bounce quotes the returned message the way a forward does, but forwards nothing.
		List<ForwardedMessage> forwards = (auto == AutoSubmission.BOUNCE) ? List.of()
				: Forwards.find(subject, text, html, parts, attachedReaders);
		String bouncedId = auto == AutoSubmission.BOUNCE ? AutoSubmissions.bouncedMessageId(parts, attached, text)
				: null;
		// Text without any mail header is kept, but nobody can say who sent it or to whom: not understood.
		boolean readable = looksLikeMail;

		return new ParsedEmail(MessageIds.parseOne(headers.first("Message-ID")),
				MessageIds.parseAll(headers.all("In-Reply-To")), MessageIds.parseAll(headers.all("References")),
				authors.isEmpty() ? null : authors.get(0), Addresses.parse(headers.joined("To")),
				Addresses.parse(headers.joined("Cc")), Addresses.parse(headers.joined("Reply-To")), subject,
				MailDates.parseHeader(headers.first("Date")), text, html, parts.attachments,
				forwards.isEmpty() ? null : forwards.get(0), auto, bouncedId, readable, this.problems, authors, forwards,
				sha256);
	}

	/**
	 * Reads every attached message/rfc822 on its own. An attached message whose header block ended early (a blank
	 * line among the headers, seen in forwarded header-only messages) is read again with that line removed.
	 */
	private List<MessageReader> readAttached(MessageParts parts) {
		List<MessageReader> result = new ArrayList<>();
		if (this.nesting >= MAX_NESTING) {
			return result;
		}
		for (MessageParts.AttachedMessage attachment : parts.messages) {
			MessageReader inner = new MessageReader(this.session, this.nesting + 1);
			inner.read(attachment.raw(), "");
			if (inner.result().from() == null) {
				byte[] joined = withoutFirstBlankLine(RawInput.clean(attachment.raw()));
				if (joined != null) {
					MessageReader retry = new MessageReader(this.session, this.nesting + 1);
					retry.read(joined, "");
					if (retry.result().from() != null) {
						inner = retry;
					}
				}
			}
			result.add(inner);
		}
		return result;
	}

	/** The Date header as the sender wrote it, for showing an original's date; {@code null} before reading. */
	String writtenDate() {
		return this.writtenDate;
	}

	/** The result of {@link #read}, kept for the enclosing message. */
	ParsedEmail result() {
		return this.result;
	}

	private static byte[] withoutFirstBlankLine(byte[] raw) {
		for (int i = 0; i + 1 < raw.length; i++) {
			if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
				int skip = raw[i + 1] == '\n' ? 1 : 2;
				byte[] joined = new byte[raw.length - skip];
				System.arraycopy(raw, 0, joined, 0, i + 1);
				System.arraycopy(raw, i + 1 + skip, joined, i + 1, raw.length - i - 1 - skip);
				return Arrays.equals(joined, raw) ? null : joined;
			}
		}
		return null;
	}

	/** Line breaks as Java text has them, without the blank lines and spaces around the text. */
	private static String tidy(String text) {
		return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("^(?:[ \t]*\n)+", "").stripTrailing();
	}

	private ParsedEmail unreadable(String sha256) {
		return new ParsedEmail(null, List.of(), List.of(), null, List.of(), List.of(), List.of(), null, (Instant) null,
				"", null, List.of(), null, AutoSubmission.NONE, null, false, this.problems, List.of(), List.of(), sha256);
	}

}
