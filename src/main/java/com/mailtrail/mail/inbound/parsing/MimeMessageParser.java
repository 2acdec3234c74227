package com.mailtrail.mail.inbound.parsing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;

import org.springframework.stereotype.Component;

/**
 * Turns the raw bytes of a received message into a {@link ParsedEmail}. A pure function: no I/O, no state
 * between calls, safe to call from several threads.
 *
 * <p>
 * It never throws. Whatever the input (empty, binary, truncated, with 100 KB headers), the result is a
 * {@code ParsedEmail}; if the input cannot be understood it has {@code readable == false} and
 * {@link ParsedEmail#problems()} says why, so the raw message can be kept and flagged instead of lost.
 */
@Component
public final class MimeMessageParser {

	private final Session session;

	public MimeMessageParser() {
		Properties properties = new Properties();
		// Lenient parsing: real mail breaks every strict rule sooner or later.
		properties.setProperty("mail.mime.address.strict", "false");
		properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
		properties.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
		this.session = Session.getInstance(properties);
	}

	public ParsedEmail parse(byte[] raw) {
		byte[] input = (raw == null) ? new byte[0] : raw;
		String sha256 = sha256(input);
		try {
			return new MessageReader(this.session, 0).read(input, sha256);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return new ParsedEmail(null, List.of(), List.of(), null, List.of(), List.of(), List.of(), null,
					(Instant) null, "", null, List.of(), null, AutoSubmission.NONE, null, false,
					List.of("Parser failure: " + ex.getClass().getSimpleName()), List.of(), List.of(), sha256);
		}
	}

	static String sha256(byte[] input) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java platform must provide SHA-256.
			throw new IllegalStateException(ex);
		}
	}

}
