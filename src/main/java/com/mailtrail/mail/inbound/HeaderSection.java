package com.mailtrail.mail.inbound;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;

/**
 * The header section of a received message: only what the listener must judge before it
 * stores the message (limits, the From header). The full MIME parsing happens after storage.
 */
final class HeaderSection {

	/** Like Postfix's header_size_limit, with room to spare: real headers stay far below. */
	static final int MAX_SECTION_SIZE = 256 * 1024;

	private final byte[] bytes;

	private final boolean complete;

	private HeaderSection(byte[] bytes, boolean complete) {
		this.bytes = bytes;
		this.complete = complete;
	}

	/**
	 * Finds the header section: everything up to the first empty line, or at most
	 * {@link #MAX_SECTION_SIZE} bytes of it.
	 */
	static HeaderSection of(byte[] message) {
		int limit = Math.min(message.length, MAX_SECTION_SIZE + 2);
		int lineStart = 0;
		for (int i = 0; i < limit; i++) {
			if (message[i] != '\n') {
				continue;
			}
			int lineEnd = (i > lineStart && message[i - 1] == '\r') ? i - 1 : i;
			if (lineEnd == lineStart) {
				return new HeaderSection(Arrays.copyOf(message, lineStart), true);
			}
			lineStart = i + 1;
		}
		boolean wholeMessageIsHeader = message.length <= MAX_SECTION_SIZE;
		return new HeaderSection(Arrays.copyOf(message, limit), wholeMessageIsHeader);
	}

	boolean isTooLarge() {
		return !this.complete || this.bytes.length > MAX_SECTION_SIZE;
	}

	/**
	 * The mailbox addresses of the From header(s), lower-case; empty if there is no From
	 * header or it cannot be parsed, which strict forwarding treats as "not the owner".
	 */
	Optional<List<String>> fromAddresses() {
		try {
			InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(this.bytes));
			String from = headers.getHeader("From", ",");
			if (from == null) {
				return Optional.empty();
			}
			InternetAddress[] addresses = InternetAddress.parseHeader(from, false);
			if (Arrays.stream(addresses).anyMatch(InternetAddress::isGroup)) {
				// RFC 5322 allows only mailboxes in From; a group names nobody who could be the owner.
				return Optional.empty();
			}
			List<String> mailboxes = Arrays.stream(addresses)
				.map(InternetAddress::getAddress)
				.filter((address) -> address != null && !address.isBlank())
				.map((address) -> address.trim().toLowerCase(Locale.ROOT))
				.toList();
			return (mailboxes.isEmpty() || mailboxes.size() != addresses.length) ? Optional.empty()
					: Optional.of(mailboxes);
		}
		catch (MessagingException ex) {
			// AddressException is one too: an unreadable From is no proof of the owner.
			return Optional.empty();
		}
	}

}
