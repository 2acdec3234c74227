package com.mailtrail.mail.inbound.parsing;

import java.util.Base64;

/**
 * RFC 2152 UTF-7, which Java does not ship but Outlook 2000 and some webmail still send. Decodes leniently: a
 * broken shifted sequence is kept as written.
 */
final class Utf7 {

	private Utf7() {
	}

	static String decode(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c != '+') {
				out.append(c);
				i++;
				continue;
			}
			int end = i + 1;
			while (end < text.length() && isBase64(text.charAt(end))) {
				end++;
			}
			if (end == i + 1) {
				// "+-" is a literal plus; a lone "+" is kept as written.
				out.append('+');
				i = (end < text.length() && text.charAt(end) == '-') ? end + 1 : end;
				continue;
			}
			String shifted = text.substring(i + 1, end);
			String decoded = decodeShifted(shifted);
			if (decoded == null) {
				out.append(text, i, end);
			}
			else {
				out.append(decoded);
			}
			i = (end < text.length() && text.charAt(end) == '-') ? end + 1 : end;
		}
		return out.toString();
	}

	private static String decodeShifted(String shifted) {
		int usable = shifted.length() - shifted.length() % 4;
		String padded = shifted + "===".substring(0, (4 - shifted.length() % 4) % 4);
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(shifted.length() % 4 == 1 ? shifted.substring(0, usable) : padded);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		StringBuilder chars = new StringBuilder(bytes.length / 2);
		for (int k = 0; k + 1 < bytes.length; k += 2) {
			chars.append((char) (((bytes[k] & 0xFF) << 8) | (bytes[k + 1] & 0xFF)));
		}
		return chars.toString();
	}

	private static boolean isBase64(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
	}

}
