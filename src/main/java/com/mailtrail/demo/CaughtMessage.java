package com.mailtrail.demo;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/** One message the demo mail catcher received, with what its page shows. */
public record CaughtMessage(long number, Instant receivedAt, String envelopeFrom, List<String> recipients, byte[] raw,
		String from, String to, String subject, String messageId, String text, String html, List<String> attachments) {

	static CaughtMessage parse(long number, Instant receivedAt, String envelopeFrom, List<String> recipients,
			byte[] raw) {
		String from = "";
		String to = "";
		String subject = "";
		String messageId = null;
		String[] body = { null, null };
		List<String> attachments = new java.util.ArrayList<>();
		try {
			MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
			from = addresses(message.getFrom());
			to = addresses(message.getRecipients(Message.RecipientType.TO));
			subject = message.getSubject() == null ? "" : message.getSubject();
			messageId = message.getMessageID();
			walk(message, body, attachments);
		}
		catch (Exception ex) {
			subject = "(could not be read: " + ex.getMessage() + ")";
		}
		String bare = messageId == null ? null : messageId.strip().replaceAll("^<|>$", "");
		return new CaughtMessage(number, receivedAt, envelopeFrom, recipients, raw, from, to, subject, bare, body[0],
				body[1], attachments);
	}

	public String rawText() {
		return new String(this.raw, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static void walk(Part part, String[] body, List<String> attachments) throws Exception {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				walk(child, body, attachments);
			}
			return;
		}
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
			attachments.add(part.getFileName() == null ? "(unnamed)" : MimeUtility.decodeText(part.getFileName()));
		}
		else if (part.isMimeType("text/plain") && body[0] == null) {
			body[0] = String.valueOf(part.getContent());
		}
		else if (part.isMimeType("text/html") && body[1] == null) {
			body[1] = String.valueOf(part.getContent());
		}
	}

	private static String addresses(jakarta.mail.Address[] addresses) throws MessagingException {
		if (addresses == null) {
			return "";
		}
		List<String> shown = new java.util.ArrayList<>();
		for (jakarta.mail.Address address : addresses) {
			shown.add(address instanceof InternetAddress a ? a.toUnicodeString() : address.toString());
		}
		return String.join(", ", shown);
	}

}
