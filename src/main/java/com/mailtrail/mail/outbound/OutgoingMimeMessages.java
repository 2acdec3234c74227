package com.mailtrail.mail.outbound;

import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Builds the MIME message of an outgoing email: multipart/alternative with the text and the HTML part, inside
 * multipart/mixed when there are attachments. Names and the subject are RFC 2047 encoded words when they are not
 * ASCII, attachment names RFC 2231 parameters (Jakarta Mail's default), and the Message-ID is the one stored with
 * the email, on the deployment's domain. A line break in any header value is refused: the compose form already says
 * so, and this is the last line of defence against header injection.
 */
final class OutgoingMimeMessages {

	private OutgoingMimeMessages() {
	}

	record Address(String name, String address) {
	}

	record Attachment(String filename, String contentType, byte[] content) {
	}

	record Parts(String messageId, Address from, List<Address> to, List<Address> cc, List<Address> bcc,
			String subject, String text, String html, List<Attachment> attachments, String inReplyTo,
			String references, Instant date) {
	}

	static MimeMessage build(Session session, Parts parts) throws MessagingException {
		String messageId = bracketed(headerSafe("Message-ID", parts.messageId()));
		MimeMessage message = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		message.setFrom(address(parts.from()));
		message.setRecipients(Message.RecipientType.TO, addresses(parts.to()));
		message.setRecipients(Message.RecipientType.CC, addresses(parts.cc()));
		message.setRecipients(Message.RecipientType.BCC, addresses(parts.bcc()));
		message.setSubject(headerSafe("Subject", parts.subject() == null ? "" : parts.subject()), "UTF-8");
		message.setSentDate(Date.from(parts.date()));
		if (parts.inReplyTo() != null) {
			message.setHeader("In-Reply-To", bracketed(headerSafe("In-Reply-To", parts.inReplyTo())));
		}
		if (parts.references() != null && !parts.references().isBlank()) {
			String references = String.join(" ", java.util.Arrays.stream(headerSafe("References", parts.references())
				.trim()
				.split("\\s+")).map(OutgoingMimeMessages::bracketed).toList());
			message.setHeader("References", MimeUtility.fold(12, references));
		}

		MimeMultipart alternative = new MimeMultipart("alternative");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(parts.text() == null ? "" : parts.text(), "UTF-8", "plain");
		alternative.addBodyPart(text);
		MimeBodyPart html = new MimeBodyPart();
		html.setText(document(parts.html()), "UTF-8", "html");
		alternative.addBodyPart(html);

		if (parts.attachments().isEmpty()) {
			message.setContent(alternative);
		}
		else {
			MimeMultipart mixed = new MimeMultipart("mixed");
			MimeBodyPart body = new MimeBodyPart();
			body.setContent(alternative);
			mixed.addBodyPart(body);
			for (Attachment attachment : parts.attachments()) {
				MimeBodyPart part = new MimeBodyPart();
				part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(),
						attachment.contentType() == null ? "application/octet-stream" : attachment.contentType())));
				part.setFileName(headerSafe("attachment name", attachment.filename()));
				part.setDisposition(Part.ATTACHMENT);
				mixed.addBodyPart(part);
			}
			message.setContent(mixed);
		}
		message.saveChanges();
		return message;
	}

	/** Message-IDs are stored bare (as parsed from received mail); headers carry them in angle brackets. */
	static String bracketed(String id) {
		String bare = id.strip();
		return bare.startsWith("<") ? bare : "<" + bare + ">";
	}

	private static String document(String html) {
		return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n" + (html == null ? "" : html)
				+ "\n</body></html>\n";
	}

	private static InternetAddress[] addresses(List<Address> addresses) throws MessagingException {
		InternetAddress[] result = new InternetAddress[addresses.size()];
		for (int i = 0; i < result.length; i++) {
			result[i] = address(addresses.get(i));
		}
		return result;
	}

	private static InternetAddress address(Address address) throws MessagingException {
		headerSafe("address", address.address());
		InternetAddress parsed = new InternetAddress(address.address(), true);
		if (address.name() != null && !address.name().isBlank()) {
			try {
				parsed.setPersonal(headerSafe("name", address.name()), "UTF-8");
			}
			catch (UnsupportedEncodingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return parsed;
	}

	/** Refuses a value with a line break (or NUL), which would end the header and start another. */
	static String headerSafe(String what, String value) {
		if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0)) {
			throw new HeaderInjectionException(what);
		}
		return value;
	}

	static final class HeaderInjectionException extends IllegalArgumentException {

		HeaderInjectionException(String what) {
			super("The " + what + " contains a line break, which a mail header cannot carry");
		}

	}

}
