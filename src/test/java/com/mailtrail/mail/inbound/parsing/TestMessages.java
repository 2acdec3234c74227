package com.mailtrail.mail.inbound.parsing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds test messages from text blocks; every fixture is written for these tests, none is copied. */
final class TestMessages {

	private TestMessages() {
	}

	/** The text block with CRLF line endings, as on the wire, in UTF-8. */
	static byte[] crlf(String message) {
		return message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	/** The text block with bare LF line endings, as many files on disk have. */
	static byte[] lf(String message) {
		return message.getBytes(StandardCharsets.UTF_8);
	}

	/** Text in a legacy charset, for bodies and headers that are not UTF-8. */
	static byte[] crlf(String message, Charset charset) {
		return message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(charset);
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/** A plain-text message from a forwarder, with the given subject and body: what a Smart BCC address receives. */
	static byte[] forward(String subject, String body) {
		return concat(crlf("""
				From: Petra Vogel <petra@seller.example>
				To: Smart BCC <track-7f3a@in.mailtrail.example>
				Subject: =?UTF-8?B?%s?=
				Date: Mon, 7 Oct 2024 10:00:00 +0200
				Message-ID: <fwd-1@seller.example>
				MIME-Version: 1.0
				Content-Type: text/plain; charset=UTF-8
				Content-Transfer-Encoding: 8bit

				""".formatted(b64(subject))), crlf(body));
	}

	static String b64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	static String b64(byte[] bytes) {
		return Base64.getMimeEncoder().encodeToString(bytes);
	}

}
