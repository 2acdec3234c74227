package com.mailtrail.mail.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Our trace header (RFC 5321 section 4.4). SubEthaSMTP's own one is switched off: it resolves
 * the client's name in reverse DNS for every message and names the recipient when there is
 * only one, which would write a Smart BCC address into the stored message.
 */
final class ReceivedHeader {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US)
		.withZone(ZoneOffset.UTC);

	private ReceivedHeader() {
	}

	static byte[] render(@Nullable String helo, String remoteAddress, String hostName, boolean tls, String sessionId,
			Instant receivedAt) {
		String header = "Received: from " + printable(helo) + " ([" + remoteAddress + "])\r\n" + "\tby "
				+ printable(hostName) + " with " + (tls ? "ESMTPS" : "ESMTP") + " id " + sessionId + ";\r\n\t"
				+ DATE.format(receivedAt) + "\r\n";
		return header.getBytes(StandardCharsets.US_ASCII);
	}

	/** The HELO name is whatever the client typed: keep it to one short line of ASCII. */
	private static String printable(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return "unknown";
		}
		StringBuilder out = new StringBuilder();
		name.codePoints()
			.limit(255)
			.map((c) -> (c > 32 && c < 127 && c != '(' && c != ')') ? c : '?')
			.forEach(out::appendCodePoint);
		return out.toString();
	}

}
