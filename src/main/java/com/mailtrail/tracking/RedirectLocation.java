package com.mailtrail.tracking;

import java.net.IDN;
import java.nio.charset.StandardCharsets;

/**
 * The Location header for a stored link. HTTP headers carry ASCII, so what a browser would do when following the
 * link itself is done here: an internationalised host becomes its punycode form, and characters outside ASCII
 * (and spaces and controls) are percent-encoded as UTF-8. Everything else, existing percent-escapes, the query with
 * its {@code &}s and the fragment, is passed through byte for byte.
 */
final class RedirectLocation {

	private RedirectLocation() {
	}

	static String of(String url) {
		int authorityStart = url.indexOf("//") + 2;
		int authorityEnd = authorityStart;
		while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
			authorityEnd++;
		}
		String authority = url.substring(authorityStart, authorityEnd);
		return encode(url.substring(0, authorityStart)) + asciiAuthority(authority) + encode(url.substring(authorityEnd));
	}

	private static String asciiAuthority(String authority) {
		int at = authority.lastIndexOf('@');
		String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
		String hostPort = authority.substring(at + 1);
		if (hostPort.startsWith("[")) {
			return encode(userInfo) + hostPort;
		}
		int colon = hostPort.lastIndexOf(':');
		String host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
		String port = colon >= 0 ? hostPort.substring(colon) : "";
		String ascii;
		try {
			ascii = isAscii(host) ? host : IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
		}
		catch (IllegalArgumentException ex) {
			ascii = encode(host);
		}
		return encode(userInfo) + ascii + encode(port);
	}

	private static boolean isAscii(String value) {
		return value.chars().allMatch(c -> c < 0x80);
	}

	private static String encode(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c > 0x20 && c < 0x7f) {
				out.append(c);
				continue;
			}
			int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
			for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
				out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
					.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
			}
			i = end - 1;
		}
		return out.toString();
	}

}
