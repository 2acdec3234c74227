package com.mailtrail.mail.inbound.parsing;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Raw header values of a message, read without letting a broken header throw. */
final class Headers {

	private final MimeMessage message;

	Headers(MimeMessage message) {
		this.message = message;
	}

	/** The first value of the header, raw (still folded and encoded), or {@code null}. */
	String first(String name) {
		String[] values = values(name);
		return values.length == 0 ? null : values[0];
	}

	/** All values; some clients write In-Reply-To or References twice. */
	String[] all(String name) {
		return values(name);
	}

	/** All values joined as one list, for address headers given more than once. */
	String joined(String name) {
		String[] values = values(name);
		return values.length == 0 ? null : String.join(", ", values);
	}

	/** The first value, unfolded and decoded, or {@code null}. */
	String decoded(String name) {
		return HeaderText.decode(first(name));
	}

	private String[] values(String name) {
		try {
			String[] values = this.message.getHeader(name);
			if (values == null) {
				return new String[0];
			}
			List<String> present = new ArrayList<>();
			for (String value : values) {
				if (value != null) {
					present.add(value);
				}
			}
			return present.toArray(String[]::new);
		}
		catch (MessagingException | RuntimeException ex) {
			return new String[0];
		}
	}

}
