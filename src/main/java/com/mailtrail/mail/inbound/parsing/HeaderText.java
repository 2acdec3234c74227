package com.mailtrail.mail.inbound.parsing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header values as people read them. Jakarta Mail's own encoded-word decoder is strict unless a JVM-wide system
 * property says otherwise, knows no charset aliases and gives up on a word with a bad base64 padding or a raw 8-bit
 * byte; real mail has all of these, so this class decodes RFC 2047 words the way tolerant clients do.
 */
final class HeaderText {

	private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*?)\\?=");

	private static final Pattern FOLD = Pattern.compile("\\r?\\n(?=[ \\t])|\\r?\\n$");

	private HeaderText() {
	}

	/** Unfolds, repairs raw 8-bit text, decodes encoded words and drops control characters. */
	static String decode(String raw) {
		if (raw == null) {
			return null;
		}
		return clean(decodeEncodedWords(repair8bit(unfold(raw))));
	}

	/** Removes the line breaks of a folded header (RFC 5322 section 2.2.3). */
	static String unfold(String raw) {
		return FOLD.matcher(raw).replaceAll("").replace("\r", "").replace("\n", " ");
	}

	/**
	 * Jakarta Mail reads header bytes as ISO-8859-1, one char per byte. RFC 6532 allows raw UTF-8 in headers, and
	 * older clients wrote raw Latin-1: read the bytes again as whichever fits.
	 */
	static String repair8bit(String value) {
		boolean eightBit = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c > 0xFF) {
				return value;
			}
			eightBit |= c >= 0x80;
		}
		return eightBit ? Charsets.decodeUnlabelled(value.getBytes(StandardCharsets.ISO_8859_1)) : value;
	}

	/**
	 * Decodes every RFC 2047 encoded word, also inside quoted strings and words where strict decoders leave them
	 * (most clients do the same). Whitespace between two encoded words is dropped, and adjacent words in the same
	 * charset are decoded together so that a character split across two words survives.
	 */
	static String decodeEncodedWords(String text) {
		if (text == null || !text.contains("=?")) {
			return text;
		}
		Matcher matcher = ENCODED_WORD.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		int last = 0;
		String pendingCharset = null;
		ByteArrayOutputStream pending = new ByteArrayOutputStream();
		while (matcher.find()) {
			String between = text.substring(last, matcher.start());
			String charset = matcher.group(1);
			boolean adjacent = pendingCharset != null && between.isBlank();
			if (!adjacent || !pendingCharset.equalsIgnoreCase(charset)) {
				flush(out, pending, pendingCharset);
				pendingCharset = null;
				if (!adjacent) {
					out.append(between);
				}
			}
			byte[] bytes = wordBytes(matcher.group(2), matcher.group(3), charset);
			if (bytes == null) {
				flush(out, pending, pendingCharset);
				pendingCharset = null;
				out.append(matcher.group());
			}
			else {
				pending.writeBytes(bytes);
				pendingCharset = charset;
			}
			last = matcher.end();
		}
		flush(out, pending, pendingCharset);
		out.append(text.substring(last));
		return out.toString();
	}

	private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
		if (charset != null && pending.size() > 0) {
			out.append(Charsets.decode(pending.toByteArray(), stripLanguage(charset)));
		}
		pending.reset();
	}

	private static String stripLanguage(String charset) {
		int star = charset.indexOf('*');
		return star > 0 ? charset.substring(0, star) : charset;
	}

	/** The bytes an encoded word stands for, or {@code null} when it cannot be decoded at all. */
	private static byte[] wordBytes(String encoding, String encodedText, String charset) {
		byte[] text = toBytes(encodedText, charset);
		if (encoding.toUpperCase(Locale.ROOT).equals("B")) {
			return base64(new String(text, StandardCharsets.ISO_8859_1));
		}
		return quoted(text);
	}

	/** Raw 8-bit characters inside a word are re-encoded in the word's charset, which is what the sender meant. */
	private static byte[] toBytes(String encodedText, String charset) {
		boolean ascii = encodedText.chars().allMatch((c) -> c < 0x80);
		if (ascii) {
			return encodedText.getBytes(StandardCharsets.ISO_8859_1);
		}
		Charset cs = Charsets.lookup(stripLanguage(charset)).orElse(StandardCharsets.UTF_8);
		return encodedText.getBytes(cs);
	}

	private static byte[] base64(String text) {
		StringBuilder alphabet = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
				alphabet.append(c);
			}
		}
		int rest = alphabet.length() % 4;
		if (rest == 1) {
			alphabet.setLength(alphabet.length() - 1); // a dangling sixth of a byte carries nothing
		}
		else if (rest > 1) {
			alphabet.append("==", 0, 4 - rest);
		}
		try {
			return Base64.getDecoder().decode(alphabet.toString());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static byte[] quoted(byte[] text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length);
		for (int i = 0; i < text.length; i++) {
			int c = text[i] & 0xFF;
			if (c == '_') {
				out.write(' ');
			}
			else if (c == '=' && i + 2 < text.length && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
				out.write(hex(text[i + 1]) * 16 + hex(text[i + 2]));
				i += 2;
			}
			else {
				out.write(c);
			}
		}
		return out.toByteArray();
	}

	private static int hex(byte b) {
		return Character.digit((char) (b & 0xFF), 16);
	}

	/** Control characters (an encoded newline, NUL) must not reach stored headers, logs or HTML. */
	static String clean(String value) {
		if (value == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			out.append(Character.isISOControl(c) || c == '\uFEFF' ? ' ' : c);
		}
		// Runs of spaces stay: subjects are compared and shown as the sender wrote them.
		return out.toString().strip();
	}

}
