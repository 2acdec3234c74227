package com.mailtrail.mail.inbound;

/**
 * Finds the signature of SMTP smuggling in received data: a line holding only a dot whose line
 * ending on either side is a bare CR or LF ({@code \n.\n}, {@code \r.\r}, {@code \n.\r\n},
 * {@code \r.\r\n}...).
 * <p>
 * SubEthaSMTP itself ends the data only at {@code <CRLF>.<CRLF>}, so such a line cannot end the
 * message here. But a relay in front of us, or the next system that reads the stored message,
 * may read it as the end, and see the commands after it. No legitimate client writes such a
 * line (clients dot-stuff lines starting with a dot), so we refuse the message, as Postfix's
 * {@code smtpd_forbid_bare_newline} does.
 * <p>
 * It sees the data after SubEthaSMTP removed dot-stuffing, which drops any dot that follows a
 * CRLF: {@code \r\n.\n} and {@code \r\n.\r} arrive here without their dot, as harmless bare
 * line ends, and the message is kept as one message of its real sender.
 */
final class SmtpSmugglingDetector {

	private SmtpSmugglingDetector() {
	}

	/** Whether the dot-unstuffed message data contains a dot line with a bare CR or LF. */
	static boolean containsBareLineEndingDotLine(byte[] data) {
		for (int i = 0; i < data.length; i++) {
			if (data[i] != '.' || !isLineStart(data, i) || !isLineEnding(data, i + 1)) {
				continue;
			}
			if (startsAfterBareLineEnding(data, i) || isBareLineEnding(data, i + 1)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isLineStart(byte[] data, int i) {
		// The data starts on the line after "DATA<CRLF>".
		return i == 0 || data[i - 1] == '\n' || data[i - 1] == '\r';
	}

	private static boolean isLineEnding(byte[] data, int i) {
		return i < data.length && (data[i] == '\r' || data[i] == '\n');
	}

	private static boolean startsAfterBareLineEnding(byte[] data, int i) {
		if (i == 0) {
			return false;
		}
		// A CR right before the dot was not followed by LF: bare CR. An LF needs a CR before it.
		return data[i - 1] == '\r' || i < 2 || data[i - 2] != '\r';
	}

	private static boolean isBareLineEnding(byte[] data, int i) {
		return data[i] == '\n' || i + 1 >= data.length || data[i + 1] != '\n';
	}

}
