package com.mailtrail.mail.inbound.parsing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

/**
 * Walks a Jakarta Mail part tree and sorts every part into body text, HTML or attachment, following what mail
 * clients show: unnamed inline text/plain and text/html parts are the body, everything else is an attachment, and
 * an attached message is one attachment that is not descended into. Each part is read on its own, so one broken
 * part costs that part only.
 */
final class MimeTreeWalker {

	private static final int MAX_DEPTH = 40;

	private static final Pattern BASE_TYPE = Pattern.compile("^\\s*([^;\\s]+)");

	private static final Pattern MISSING_SEMICOLON = Pattern.compile("^(\\s*[^;\\s]+/[^;\\s]+)\\s+([\\w-]+\\s*=)");

	private static final Pattern UNQUOTED_BOUNDARY = Pattern.compile("(?i)(boundary\\s*=\\s*)([^\"\\s;]+)");

	private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w:.-]+)");

	private static final Pattern NAME_PARAMETER = Pattern.compile("(?i)(?:file)?name\\s*=\\s*\"?([^\";]+)");

	/** Names for parts that came without one, so that a download never lacks a sensible file name. */
	private static final Map<String, String> DEFAULT_NAMES = Map.ofEntries(Map.entry("text/calendar", "invite.ics"),
			Map.entry("application/ics", "invite.ics"), Map.entry("message/rfc822", "message.eml"),
			Map.entry("text/plain", "text.txt"), Map.entry("text/html", "page.html"), Map.entry("image/png", "image.png"),
			Map.entry("image/jpeg", "image.jpg"), Map.entry("image/gif", "image.gif"),
			Map.entry("application/pdf", "document.pdf"), Map.entry("application/ms-tnef", "winmail.dat"),
			Map.entry("message/delivery-status", "delivery-status.txt"),
			Map.entry("message/disposition-notification", "disposition-notification.txt"),
			Map.entry("message/feedback-report", "feedback-report.txt"),
			Map.entry("text/rfc822-headers", "original-headers.txt"),
			Map.entry("message/rfc822-headers", "original-headers.txt"));

	private static final Set<String> REPORT_TYPES = Set.of("message/delivery-status",
			"text/rfc822-headers", "message/rfc822-headers", "message/disposition-notification",
			"message/feedback-report");

	private final List<String> problems;

	private final MessageParts found = new MessageParts();

	/** Boundaries of the enclosing multiparts, case-insensitively as some senders change the case. */
	private final Set<String> boundaries = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

	MimeTreeWalker(List<String> problems) {
		this.problems = problems;
	}

	MessageParts walk(MimePart root) {
		visit(root, 0, false, false);
		return this.found;
	}

	private void visit(MimePart part, int depth, boolean digestChild, boolean insideReport) {
		if (depth > MAX_DEPTH) {
			this.problems.add("MIME nesting deeper than " + MAX_DEPTH + " levels: the rest was skipped");
			return;
		}
		String type = baseType(part, digestChild);
		if (type.startsWith("multipart/")) {
			visitMultipart(part, type, depth, insideReport);
		}
		else if (type.equals("message/rfc822") || type.equals("message/global")) {
			byte[] raw = messageBytes(part);
			this.found.messages.add(new MessageParts.AttachedMessage(raw, insideReport));
			addAttachment(part, "message/rfc822", raw, filename(part));
		}
		else {
			visitLeaf(part, type);
		}
	}

	private void visitMultipart(MimePart part, String type, int depth, boolean insideReport) {
		Multipart multipart;
		int count;
		try {
			multipart = multipart(part);
			count = multipart.getCount();
		}
		catch (MessagingException | RuntimeException ex) {
			unreadableMultipart(part, type, depth, ex);
			return;
		}
		String boundary = parameter(part, "boundary");
		if (boundary != null) {
			this.boundaries.add(boundary);
		}
		boolean report = type.equals("multipart/report");
		if (report && depth == 0) {
			this.found.report = true;
		}
		boolean digest = type.equals("multipart/digest");
		for (int i = 0; i < count; i++) {
			try {
				if (multipart.getBodyPart(i) instanceof MimePart child) {
					visit(child, depth + 1, digest && child.getHeader("Content-Type") == null, insideReport || report);
				}
			}
			catch (MessagingException | RuntimeException ex) {
				this.problems.add("Unreadable part " + (i + 1) + " of " + type + ": " + ex.getMessage());
			}
		}
	}

	/**
	 * The multipart content; a Content-Type that Jakarta Mail rejects (no semicolon before the parameters) is
	 * repaired and tried again, as its boundary is usually fine.
	 */
	private static Multipart multipart(MimePart part) throws MessagingException {
		try {
			MimeMultipart multipart = new MimeMultipart(new MimePartDataSource(part));
			multipart.getCount();
			return multipart;
		}
		catch (MessagingException ex) {
			String header = part.getHeader("Content-Type", null);
			if (header == null) {
				throw ex;
			}
			String repaired = repairContentType(HeaderText.unfold(header));
			if (repaired.equals(HeaderText.unfold(header))) {
				throw ex;
			}
			MimePartDataSource source = new MimePartDataSource(part);
			MimeMultipart multipart = new MimeMultipart(new DataSource() {

				@Override
				public InputStream getInputStream() throws IOException {
					return source.getInputStream();
				}

				@Override
				public OutputStream getOutputStream() throws IOException {
					throw new IOException("read-only");
				}

				@Override
				public String getContentType() {
					return repaired;
				}

				@Override
				public String getName() {
					return source.getName();
				}

			});
			multipart.getCount();
			return multipart;
		}
	}

	/** Fixes the two mistakes that make a boundary unreadable: no ";" before it, and "=" in an unquoted value. */
	static String repairContentType(String contentType) {
		String repaired = MISSING_SEMICOLON.matcher(contentType).replaceAll("$1; $2");
		return UNQUOTED_BOUNDARY.matcher(repaired).replaceAll("$1\"$2\"");
	}

	/**
	 * A multipart without a usable boundary. At the top, clients show its content as plain text, and so do we, as
	 * for a nested one that reuses an enclosing boundary (its content was cut out of the parent's text). Any other
	 * nested one is kept as one opaque attachment so that nothing is lost.
	 */
	private void unreadableMultipart(MimePart part, String type, int depth, Exception ex) {
		this.problems.add("Unreadable " + type + " part (" + ex.getMessage() + ")");
		String boundary = parameter(part, "boundary");
		if (depth == 0 || (boundary != null && this.boundaries.contains(boundary))) {
			String text = Charsets.decode(bytes(part), charset(part));
			if (!text.isBlank()) {
				this.found.texts.add(text);
			}
		}
		else {
			addAttachment(part, type, bytes(part), filename(part));
		}
	}

	private void visitLeaf(MimePart part, String type) {
		String filename = filename(part);
		String disposition = disposition(part);
		boolean bodyType = type.equals("text/plain") || type.equals("text/html");
		if (bodyType && filename == null && !"attachment".equals(disposition)) {
			byte[] content = bytes(part);
			String charset = charset(part);
			if (charset == null && type.equals("text/html")) {
				charset = metaCharset(content);
			}
			(type.equals("text/html") ? this.found.htmls : this.found.texts).add(Charsets.decode(content, charset));
			return;
		}
		byte[] content = bytes(part);
		if (REPORT_TYPES.contains(type)) {
			this.found.reportTexts.add(Charsets.decode(content, charset(part)));
		}
		addAttachment(part, type, content, filename);
	}

	private void addAttachment(MimePart part, String type, byte[] content, String givenName) {
		String filename = givenName;
		if (filename == null && type.equals("message/rfc822")) {
			filename = embeddedSubject(content) + ".eml";
		}
		if (filename == null) {
			filename = DEFAULT_NAMES.getOrDefault(type, "attachment.bin");
		}
		String contentId = null;
		try {
			String id = part.getContentID();
			contentId = (id == null) ? null : id.strip().replaceAll("^<|>$", "");
		}
		catch (MessagingException | RuntimeException ex) {
			// no usable Content-ID
		}
		String disposition = disposition(part);
		boolean inline = "inline".equals(disposition) || (disposition == null && contentId != null);
		this.found.attachments.add(new ParsedAttachment(filename, type, contentId, inline, content));
	}

	/** The lower-cased type/subtype; types without a subtype ("application-x-gzip") are opaque data. */
	private String baseType(MimePart part, boolean digestChild) {
		String header;
		try {
			header = part.getHeader("Content-Type", null);
		}
		catch (MessagingException | RuntimeException ex) {
			header = null;
		}
		if (header == null || header.isBlank()) {
			return digestChild ? "message/rfc822" : "text/plain";
		}
		String unfolded = HeaderText.unfold(header);
		String type;
		try {
			type = new ContentType(unfolded).getBaseType();
		}
		catch (ParseException | RuntimeException ex) {
			Matcher matcher = BASE_TYPE.matcher(unfolded);
			type = matcher.find() ? matcher.group(1) : "text/plain";
		}
		type = type.toLowerCase(Locale.ROOT);
		return type.indexOf('/') > 0 ? type : "application/octet-stream";
	}

	/** An HTML part without a MIME charset often declares one in a meta tag, as browsers honour it. */
	private static String metaCharset(byte[] html) {
		String head = new String(html, 0, Math.min(html.length, 4096), StandardCharsets.ISO_8859_1);
		Matcher matcher = META_CHARSET.matcher(head);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String charset(MimePart part) {
		return parameter(part, "charset");
	}

	private static String parameter(MimePart part, String name) {
		try {
			String header = part.getHeader("Content-Type", null);
			return header == null ? null : new ContentType(HeaderText.unfold(header)).getParameter(name);
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private String disposition(MimePart part) {
		try {
			String value = part.getDisposition();
			return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	/** Content-Disposition filename, else Content-Type name; RFC 2231 by Jakarta Mail, RFC 2047 and 8-bit here. */
	private String filename(MimePart part) {
		String name;
		try {
			name = part.getFileName();
		}
		catch (MessagingException | RuntimeException ex) {
			name = null;
		}
		if (name == null) {
			name = nameFromRawHeaders(part); // a header Jakarta Mail could not parse may still name the file
		}
		name = HeaderText.decode(name);
		return (name == null || name.isBlank()) ? null : name;
	}

	private String nameFromRawHeaders(MimePart part) {
		for (String header : new String[] { "Content-Disposition", "Content-Type" }) {
			try {
				String value = part.getHeader(header, null);
				if (value != null) {
					Matcher matcher = NAME_PARAMETER.matcher(HeaderText.unfold(value));
					if (matcher.find()) {
						return matcher.group(1).strip();
					}
				}
			}
			catch (MessagingException | RuntimeException ex) {
				// try the next header
			}
		}
		return null;
	}

	/** The decoded content; a part whose transfer encoding is broken falls back to a lenient decoding. */
	private byte[] bytes(MimePart part) {
		try (InputStream in = part.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException | MessagingException | RuntimeException ex) {
			this.problems.add("Damaged part content (" + ex.getMessage() + "): kept as far as readable");
			return leniently(part);
		}
	}

	private byte[] leniently(MimePart part) {
		byte[] raw = rawBytes(part);
		try {
			String encoding = part.getEncoding();
			if (encoding != null && encoding.strip().equalsIgnoreCase("base64")) {
				String alphabet = new String(raw, StandardCharsets.US_ASCII)
					.replaceAll("[^A-Za-z0-9+/]", "");
				return Base64.getDecoder().decode(alphabet.substring(0, alphabet.length() - alphabet.length() % 4));
			}
		}
		catch (MessagingException | RuntimeException ex) {
			// keep the raw bytes
		}
		return raw;
	}

	private byte[] rawBytes(MimePart part) {
		try (InputStream in = rawStream(part)) {
			return in == null ? new byte[0] : in.readAllBytes();
		}
		catch (IOException | MessagingException | RuntimeException ex) {
			return new byte[0];
		}
	}

	private static InputStream rawStream(MimePart part) throws MessagingException {
		if (part instanceof MimeBodyPart body) {
			return body.getRawInputStream();
		}
		if (part instanceof MimeMessage message) {
			return message.getRawInputStream();
		}
		return null;
	}

	/**
	 * The bytes of an attached message. Jakarta Mail ignores a transfer encoding on message/rfc822 (RFC 2046
	 * forbids one), but senders do base64-encode attached messages, so the encoding is honoured here.
	 */
	private byte[] messageBytes(MimePart part) {
		byte[] raw = rawBytes(part);
		try {
			String encoding = part.getEncoding();
			if (encoding != null && (encoding.strip().equalsIgnoreCase("base64")
					|| encoding.strip().equalsIgnoreCase("quoted-printable"))) {
				try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw), encoding.strip())) {
					return in.readAllBytes();
				}
			}
		}
		catch (IOException | MessagingException | RuntimeException ex) {
			this.problems.add("Attached message with a damaged transfer encoding: kept as sent");
		}
		return raw;
	}

	private static String embeddedSubject(byte[] message) {
		try {
			InternetHeaders headers = new InternetHeaders(
					new ByteArrayInputStream(RawInput.clean(message)));
			String subject = HeaderText.decode(headers.getHeader("Subject", null));
			if (subject != null && !subject.isBlank()) {
				return subject.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
			}
		}
		catch (MessagingException | RuntimeException ex) {
			// fall through to the generic name
		}
		return "message";
	}

}
