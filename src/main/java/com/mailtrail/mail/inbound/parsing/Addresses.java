package com.mailtrail.mail.inbound.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Address lists, parsed by Jakarta Mail's non-strict parser on the still-encoded header, so that a comma inside an
 * encoded display name cannot split a mailbox and the addr-spec is always the real one, never an address-like
 * display name.
 */
final class Addresses {

	/** A header this long is garbage or an attack; the first part still names the real recipients. */
	private static final int MAX_HEADER_CHARS = 16_384;

	private static final Pattern ADDR_SPEC = Pattern.compile("[^\\s<>,;:\"()\\[\\]]+@[^\\s<>,;:\"()\\[\\]]+");

	/** An addr-spec, or a bare local part (kept: "user0", "moderator"); anything else holds a spoofing attempt. */
	private static final Pattern PLAUSIBLE_SPEC = Pattern.compile("[^\\s<>,;:\"()\\[\\]]+(@[^\\s<>,;:\"()]+)?");

	private Addresses() {
	}

	/** The mailboxes of an address header; groups are flattened, empty elements dropped. Never throws. */
	static List<EmailParticipant> parse(String rawHeader) {
		if (rawHeader == null || rawHeader.isBlank()) {
			return List.of();
		}
		String value = HeaderText.repair8bit(HeaderText.unfold(rawHeader));
		if (value.length() > MAX_HEADER_CHARS) {
			int cut = value.lastIndexOf(',', MAX_HEADER_CHARS);
			value = value.substring(0, cut > 0 ? cut : MAX_HEADER_CHARS);
		}
		try {
			List<EmailParticipant> result = new ArrayList<>();
			for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
				addMailboxes(address, result);
			}
			return result;
		}
		catch (AddressException | RuntimeException ex) {
			return scan(value);
		}
	}

	/** Whether a strict RFC 5322 parser accepts the header; a sender that fails this deserves a warning. */
	static boolean isStrictlyValid(String rawHeader) {
		try {
			// RFC 6532 allows UTF-8 in addresses; Jakarta Mail's strict parser predates it.
			String ascii = HeaderText.repair8bit(HeaderText.unfold(rawHeader)).replaceAll("[^\\x00-\\x7F]", "x");
			InternetAddress.parseHeader(ascii, true);
			return true;
		}
		catch (AddressException | RuntimeException ex) {
			return false;
		}
	}

	private static void addMailboxes(InternetAddress address, List<EmailParticipant> result) throws AddressException {
		if (address.isGroup()) {
			for (InternetAddress member : address.getGroup(false)) {
				addMailboxes(member, result);
			}
			return;
		}
		String spec = address.getAddress();
		if (spec == null || spec.isBlank()) {
			return;
		}
		spec = spec.strip();
		String name = HeaderText.decode(address.getPersonal());
		if (!PLAUSIBLE_SPEC.matcher(spec).matches()) {
			// The parser kept something that is not an addr-spec; take the address inside it, if any.
			Matcher inner = ADDR_SPEC.matcher(spec);
			if (!inner.find()) {
				return;
			}
			spec = inner.group();
		}
		result.add(new EmailParticipant(name, spec));
	}

	/** Last resort for headers the parser rejects: every addr-spec found in the text, without names. */
	private static List<EmailParticipant> scan(String value) {
		List<EmailParticipant> result = new ArrayList<>();
		Matcher matcher = ADDR_SPEC.matcher(value);
		while (matcher.find()) {
			result.add(new EmailParticipant(null, matcher.group()));
		}
		return result;
	}

}
