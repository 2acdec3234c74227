package com.mailtrail.mail.inbound.parsing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Removes what comes before the first header in real files but is not part of RFC 5322, so that Jakarta Mail
 * sees the headers: a UTF-8 byte order mark (Windows editors), blank lines, and an mbox {@code From } line.
 */
final class RawInput {

	private RawInput() {
	}

	static byte[] clean(byte[] raw) {
		int start = 0;
		boolean changed = true;
		while (changed && start < raw.length) {
			changed = false;
			if (startsWith(raw, start, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF })) {
				start += 3;
				changed = true;
			}
			int lineEnd = lineEnd(raw, start);
			if (lineEnd < raw.length && isBlank(raw, start, lineEnd)) {
				start = lineEnd + 1;
				changed = true;
			}
			else if (startsWith(raw, start, "From ".getBytes(StandardCharsets.US_ASCII))) {
				start = Math.min(lineEnd + 1, raw.length);
				changed = true;
			}
		}
		return start == 0 ? raw : Arrays.copyOfRange(raw, start, raw.length);
	}

	private static boolean startsWith(byte[] raw, int offset, byte[] prefix) {
		if (raw.length - offset < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (raw[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int lineEnd(byte[] raw, int start) {
		for (int i = start; i < raw.length; i++) {
			if (raw[i] == '\n') {
				return i;
			}
		}
		return raw.length;
	}

	private static boolean isBlank(byte[] raw, int start, int end) {
		for (int i = start; i < end; i++) {
			if (raw[i] != ' ' && raw[i] != '\t' && raw[i] != '\r') {
				return false;
			}
		}
		return true;
	}

}
