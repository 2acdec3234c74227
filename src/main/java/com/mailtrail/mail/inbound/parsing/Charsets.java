package com.mailtrail.mail.inbound.parsing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns bytes into text the way tolerant mail clients do: declared charsets are mapped to the superset that
 * senders really use, unknown ones are guessed, and a charset that cannot be right is overruled.
 */
final class Charsets {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/**
	 * Names that Java lacks or that senders use for a wider charset. Microsoft and most webmail clients decode
	 * these as the superset, so text written by Outlook (NEC/IBM extensions in ISO-2022-JP, UHC in "EUC-KR") reads
	 * right.
	 */
	private static final Map<String, String> SUPERSETS = Map.ofEntries(Map.entry("iso-8859-1", "windows-1252"),
			Map.entry("latin1", "windows-1252"), Map.entry("us-ascii", "windows-1252"),
			Map.entry("ascii", "windows-1252"), Map.entry("iso-2022-jp", "x-windows-iso2022jp"),
			Map.entry("csiso2022jp", "x-windows-iso2022jp"), Map.entry("shift_jis", "windows-31j"),
			Map.entry("shift-jis", "windows-31j"), Map.entry("sjis", "windows-31j"), Map.entry("x-sjis", "windows-31j"),
			Map.entry("cp932", "windows-31j"), Map.entry("ks_c_5601-1987", "x-windows-949"),
			Map.entry("ks_c_5601", "x-windows-949"), Map.entry("euc-kr", "x-windows-949"),
			Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"),
			Map.entry("cp936", "GB18030"), Map.entry("iso-8859-8-i", "iso-8859-8"), Map.entry("tis-620", "x-windows-874"),
			Map.entry("iso-8859-11", "x-windows-874"), Map.entry("macintosh", "x-MacRoman"),
			Map.entry("mac", "x-MacRoman"), Map.entry("iso-8859-9", "windows-1254"), Map.entry("utf8", "UTF-8"),
			Map.entry("unicode-1-1-utf-8", "UTF-8"), Map.entry("ansi_x3.4-1968", "windows-1252"),
			Map.entry("cp-850", "IBM850"), Map.entry("big5", "Big5-HKSCS"));

	private Charsets() {
	}

	/** The charset to decode a declared name with, or empty when the name means nothing usable. */
	static Optional<Charset> lookup(String declared) {
		if (declared == null) {
			return Optional.empty();
		}
		String name = declared.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
		int language = name.indexOf('*');
		if (language > 0) {
			name = name.substring(0, language); // RFC 2231 language suffix: utf-8*en
		}
		if (name.isEmpty()) {
			return Optional.empty();
		}
		String mapped = SUPERSETS.getOrDefault(name, name);
		try {
			return Optional.of(Charset.forName(mapped));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	static boolean isUtf7(String declared) {
		if (declared == null) {
			return false;
		}
		String name = declared.strip().toLowerCase(Locale.ROOT);
		return name.equals("utf-7") || name.equals("unicode-1-1-utf-7") || name.equals("x-unicode-2-0-utf-7");
	}

	/**
	 * Decodes text whose charset was declared, or not. A declaration is overruled when the bytes are valid UTF-8
	 * with non-ASCII characters but the declared charset is ASCII or Latin-1, because that combination is almost
	 * always a sender that forgot to declare UTF-8, and only rarely real Latin-1 text.
	 */
	static String decode(byte[] bytes, String declared) {
		if (bytes.length == 0) {
			return "";
		}
		if (isUtf7(declared)) {
			return Utf7.decode(new String(bytes, StandardCharsets.US_ASCII));
		}
		Optional<Charset> charset = lookup(declared);
		if (charset.isEmpty()) {
			return decodeUnlabelled(bytes);
		}
		Charset cs = charset.get();
		if ((cs.equals(WINDOWS_1252) || cs.equals(StandardCharsets.ISO_8859_1)) && !isAscii(bytes)) {
			String utf8 = strictUtf8(bytes);
			if (utf8 != null) {
				return utf8;
			}
		}
		return new String(bytes, cs);
	}

	/** Bytes without a usable charset: UTF-8 if they are valid UTF-8, else the Windows Western charset. */
	static String decodeUnlabelled(byte[] bytes) {
		if (isAscii(bytes)) {
			return new String(bytes, StandardCharsets.US_ASCII);
		}
		String utf8 = strictUtf8(bytes);
		if (utf8 != null) {
			return utf8;
		}
		if (mostlyUtf8(bytes)) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return new String(bytes, WINDOWS_1252);
	}

	static boolean isAscii(byte[] bytes) {
		for (byte b : bytes) {
			if (b < 0) {
				return false;
			}
		}
		return true;
	}

	static String strictUtf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/**
	 * Whether the non-ASCII bytes are mostly well-formed UTF-8 sequences, as in a UTF-8 header with one stray
	 * byte; one replacement character then beats turning every letter into mojibake.
	 */
	private static boolean mostlyUtf8(byte[] bytes) {
		int valid = 0;
		int invalid = 0;
		int i = 0;
		while (i < bytes.length) {
			int b = bytes[i] & 0xFF;
			int length = (b >= 0xC2 && b <= 0xDF) ? 2 : (b >= 0xE0 && b <= 0xEF) ? 3 : (b >= 0xF0 && b <= 0xF4) ? 4 : 1;
			if (b < 0x80) {
				i++;
				continue;
			}
			boolean ok = length > 1 && i + length <= bytes.length;
			for (int k = 1; ok && k < length; k++) {
				ok = (bytes[i + k] & 0xC0) == 0x80;
			}
			if (ok) {
				valid++;
				i += length;
			}
			else {
				invalid++;
				i++;
			}
		}
		return valid > 0 && valid >= 2 * invalid;
	}

}
