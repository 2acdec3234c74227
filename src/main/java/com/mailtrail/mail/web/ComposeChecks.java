package com.mailtrail.mail.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.mailtrail.mail.outbound.OutgoingDraft.NewAttachment;
import com.mailtrail.mail.outbound.OutgoingDraft.Recipient;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks what the compose form posted and says what is wrong, field by field. A line break in any header field
 * (an address, a name, the subject, an attachment's name) is refused here: it would end the header and start
 * one the user never wrote.
 */
final class ComposeChecks {

	static final int MAX_SUBJECT = 500;

	private ComposeChecks() {
	}

	/** The recipients of one field, or an error on it. Accepts "a@x.example, Pat <p@y.example>; b@z.example". */
	static List<Recipient> recipients(String field, String label, String value, Errors errors) {
		List<Recipient> recipients = new ArrayList<>();
		if (value == null || value.isBlank()) {
			return recipients;
		}
		if (hasLineBreak(value)) {
			errors.rejectValue(field, "lineBreak", label + " cannot contain line breaks.");
			return recipients;
		}
		try {
			for (InternetAddress address : InternetAddress.parseHeader(value.replace(';', ','), false)) {
				String bare = address.getAddress();
				if (bare == null || bare.isBlank()) {
					continue;
				}
				address.validate();
				if (!bare.contains("@") || bare.startsWith("@") || bare.endsWith("@") || !bare.matches("\\p{ASCII}+")) {
					throw new AddressException("not an address", bare);
				}
				recipients.add(new Recipient(blankToNull(address.getPersonal()), bare.toLowerCase(Locale.ROOT)));
			}
		}
		catch (AddressException ex) {
			String bad = ex.getRef() == null || ex.getRef().isBlank() ? value.strip() : ex.getRef();
			errors.rejectValue(field, "address", label + ": \"" + clip(bad) + "\" is not a valid email address. "
					+ "Separate several addresses with commas.");
		}
		return recipients;
	}

	static void subject(String subject, Errors errors) {
		if (subject == null) {
			return;
		}
		if (hasLineBreak(subject)) {
			errors.rejectValue("subject", "lineBreak", "The subject cannot contain line breaks.");
		}
		else if (subject.length() > MAX_SUBJECT) {
			errors.rejectValue("subject", "tooLong", "The subject is too long: at most " + MAX_SUBJECT + " characters.");
		}
	}

	/** The uploaded files, or an error when they are too large together or a name carries a line break. */
	static List<NewAttachment> attachments(List<MultipartFile> files, DataSize limit, Errors errors) {
		List<NewAttachment> attachments = new ArrayList<>();
		long total = 0;
		for (MultipartFile file : files) {
			if (file == null || file.isEmpty()) {
				continue;
			}
			String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "attachment"
					: file.getOriginalFilename();
			if (hasLineBreak(name)) {
				errors.rejectValue("attachments", "lineBreak",
						"An attachment's name cannot contain line breaks: rename the file and attach it again.");
				return List.of();
			}
			total += file.getSize();
			try {
				attachments.add(new NewAttachment(name, contentType(file), file.getBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (total > limit.toBytes()) {
			errors.rejectValue("attachments", "tooLarge", "The attachments add up to " + human(total)
					+ "; an email can carry at most " + human(limit.toBytes()) + ". Attach fewer or smaller files.");
			return List.of();
		}
		return attachments;
	}

	private static String contentType(MultipartFile file) {
		String type = file.getContentType();
		return type == null || type.isBlank() || hasLineBreak(type) ? "application/octet-stream" : type;
	}

	static boolean hasLineBreak(String value) {
		return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0;
	}

	static String human(long bytes) {
		if (bytes >= 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
		}
		return Math.max(1, bytes / 1024) + " KB";
	}

	private static String clip(String value) {
		return value.length() > 80 ? value.substring(0, 80) + "…" : value;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
