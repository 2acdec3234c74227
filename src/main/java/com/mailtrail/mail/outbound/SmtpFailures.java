package com.mailtrail.mail.outbound;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Tells a temporary failure (no connection, a 4xx reply: try again later) from a permanent one (a 5xx reply,
 * rejected credentials, a TLS or configuration problem: retrying changes nothing) and keeps the server's words.
 */
final class SmtpFailures {

	private SmtpFailures() {
	}

	record Failure(boolean permanent, String words, boolean connectionLost) {
	}

	static Failure classify(Exception ex, String where) {
		List<Integer> codes = new ArrayList<>();
		Set<String> words = new LinkedHashSet<>();
		for (Throwable cause = ex; cause != null; cause = next(cause)) {
			if (cause instanceof AuthenticationFailedException) {
				return new Failure(true, "The server at " + where + " rejected the sign-in"
						+ (blank(cause.getMessage()) ? "." : ": " + firstLine(cause.getMessage())), true);
			}
			if (cause instanceof OutgoingMimeMessages.HeaderInjectionException) {
				return new Failure(true, cause.getMessage(), false);
			}
			Integer code = code(cause);
			if (code != null) {
				codes.add(code);
				if (!blank(cause.getMessage())) {
					words.add(firstLine(cause.getMessage()));
				}
			}
			if (cause instanceof SSLException) {
				return new Failure(true, "The secure connection to " + where + " failed (TLS): "
						+ firstLine(String.valueOf(cause.getMessage())) + ". Check the account's security setting.", true);
			}
			if (cause instanceof UnknownHostException) {
				return new Failure(false, "The host of " + where + " could not be found (DNS).", true);
			}
			if (cause instanceof ConnectException || cause instanceof SocketTimeoutException) {
				return new Failure(false, "Could not reach " + where + ": " + firstLine(String.valueOf(cause.getMessage())), true);
			}
		}
		if (codes.stream().anyMatch(c -> c >= 400 && c < 500)) {
			return new Failure(false, String.join("; ", words), false);
		}
		if (codes.stream().anyMatch(c -> c >= 500)) {
			return new Failure(true, String.join("; ", words), false);
		}
		String message = firstLine(String.valueOf(ex.getMessage()));
		if (message.toLowerCase().contains("starttls")) {
			return new Failure(true, "The server at " + where + " does not offer STARTTLS: " + message, true);
		}
		// Unknown trouble: try again later, on a fresh connection.
		return new Failure(false, "Sending through " + where + " failed: " + message, true);
	}

	private static Integer code(Throwable cause) {
		if (cause instanceof SMTPAddressFailedException e) {
			return e.getReturnCode();
		}
		if (cause instanceof SMTPSenderFailedException e) {
			return e.getReturnCode();
		}
		if (cause instanceof SMTPSendFailedException e) {
			return e.getReturnCode();
		}
		return null;
	}

	private static Throwable next(Throwable cause) {
		if (cause instanceof MessagingException m && m.getNextException() != null && m.getNextException() != cause) {
			return m.getNextException();
		}
		return cause.getCause() == cause ? null : cause.getCause();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	static String firstLine(String text) {
		String line = text.strip().lines().findFirst().orElse("no answer");
		return line.length() > 500 ? line.substring(0, 500) + "…" : line;
	}

}
