package com.mailtrail.mail.inbound;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads a delivery status report (RFC 3464: multipart/report; report-type=delivery-status): which message it is
 * about, by the Message-ID of the returned message or its headers (message/rfc822, text/rfc822-headers), an
 * Original-Message-ID field, or the report's In-Reply-To; and what the remote server said.
 */
final class DeliveryReports {

	private static final Pattern BRACKETED = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");

	private static final Session SESSION = Session.getInstance(new Properties());

	private DeliveryReports() {
	}

	record Report(Set<String> originalMessageIds, String diagnostic) {
	}

	/** The report, or null when the message is not a delivery status report. */
	static Report read(byte[] raw) {
		try {
			MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
			ContentType type = new ContentType(message.getContentType());
			boolean report = type.match("multipart/report")
					&& "delivery-status".equalsIgnoreCase(type.getParameter("report-type"));
			if (!report) {
				return null;
			}
			Set<String> ids = new LinkedHashSet<>();
			List<String> diagnostics = new ArrayList<>();
			walk(message, ids, diagnostics);
			ids.addAll(bracketed(message.getHeader("In-Reply-To", " ")));
			return new Report(ids, diagnostics.isEmpty() ? null : String.join("; ", diagnostics));
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			return null;
		}
	}

	private static void walk(Part part, Set<String> ids, List<String> diagnostics)
			throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				walk(child, ids, diagnostics);
			}
		}
		else if (part.isMimeType("message/delivery-status")) {
			String fields = text(part);
			ids.addAll(fieldIds(fields, "Original-Message-ID"));
			ids.addAll(fieldIds(fields, "X-Original-Message-ID"));
			for (String name : List.of("Diagnostic-Code", "Status")) {
				Matcher m = Pattern.compile("(?im)^" + name + ":\\s*(.+)$").matcher(fields);
				if (m.find()) {
					diagnostics.add(name + ": " + m.group(1).strip());
				}
			}
		}
		else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")
				|| part.isMimeType("message/rfc822-headers")) {
			try (InputStream in = part.getInputStream()) {
				InternetHeaders headers = new InternetHeaders(in);
				ids.addAll(bracketed(headers.getHeader("Message-ID", " ")));
			}
		}
	}

	private static String text(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static Set<String> fieldIds(String fields, String name) {
		Matcher m = Pattern.compile("(?im)^" + name + ":\\s*(.+)$").matcher(fields);
		Set<String> ids = new LinkedHashSet<>();
		while (m.find()) {
			ids.addAll(bracketed(m.group(1)));
		}
		return ids;
	}

	private static Set<String> bracketed(String value) {
		Set<String> ids = new LinkedHashSet<>();
		if (value == null) {
			return ids;
		}
		Matcher m = BRACKETED.matcher(value);
		while (m.find()) {
			ids.add(m.group(1).toLowerCase(Locale.ROOT));
		}
		return ids;
	}

}
