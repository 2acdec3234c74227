package com.mailtrail.mail.inbound.parsing;

import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MailDateFormat;

/** Dates as mail carries them: RFC 5322 in headers, and the client's own format in forwarded header blocks. */
final class MailDates {

	/** What English-language clients write above a forwarded message; zone-less, so read as UTC. */
	private static final List<DateTimeFormatter> CLIENT_FORMATS = List.of(
			pattern("EEE, MMM d, yyyy 'at' h:mm a"), pattern("EEE, MMM d, yyyy 'at' h:mm:ss a"),
			pattern("MMM d, yyyy h:mm a"), pattern("MMM d, yyyy 'at' h:mm a"), pattern("EEEE, MMMM d, yyyy H:mm"),
			pattern("EEEE, MMMM d, yyyy h:mm a"), pattern("EEEE, MMMM d, yyyy, h:mm:ss a"),
			pattern("d MMMM yyyy 'at' H:mm"), pattern("dd/MM/yyyy H:mm"), pattern("yyyy-MM-dd H:mm"),
			pattern("yyyy-MM-dd HH:mm:ss"));

	/** RFC 5322 dates written with full month or day names ("12 June 2025"), which MailDateFormat rejects. */
	private static final List<DateTimeFormatter> LOOSE_HEADER_FORMATS = List.of(
			pattern("[EEEE, ][EEE, ]d [MMMM][MMM] yyyy H:mm[:ss] Z"), pattern("[EEEE, ][EEE, ]d [MMMM][MMM] yyyy H:mm[:ss] z"));

	private MailDates() {
	}

	/** An RFC 5322 date, read leniently; {@code null} when it is not one. */
	static Instant parseHeader(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = HeaderText.unfold(value).strip();
		try {
			Date date = new MailDateFormat().parse(text, new ParsePosition(0));
			if (date != null) {
				return date.toInstant();
			}
		}
		catch (RuntimeException ex) {
			// try the looser formats below
		}
		String withoutComment = text.replaceAll("\\([^)]*\\)", "").replaceAll("\\s+", " ").strip();
		for (DateTimeFormatter format : LOOSE_HEADER_FORMATS) {
			try {
				return ZonedDateTime.parse(withoutComment, format).toInstant();
			}
			catch (RuntimeException ex) {
				// try the next format
			}
		}
		return null;
	}

	/** A date as a mail client wrote it in a forwarded block; {@code null} when no known format fits. */
	static Instant parseWritten(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Instant rfc = parseHeader(value);
		if (rfc != null) {
			return rfc;
		}
		String text = value.strip().replace('\u202F', ' ').replace('\u00A0', ' ').replaceAll("\\s+", " ");
		for (DateTimeFormatter format : CLIENT_FORMATS) {
			try {
				return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
			}
			catch (RuntimeException ex) {
				// try the next format
			}
		}
		return null;
	}

	private static DateTimeFormatter pattern(String pattern) {
		return new DateTimeFormatterBuilder().parseCaseInsensitive()
			.appendPattern(pattern)
			.toFormatter(Locale.ENGLISH);
	}

}
