package com.mailtrail.mail.inbound.parsing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message ids from Message-ID, In-Reply-To and References, normalised so that they compare equal however the
 * sender wrote them: no angle brackets, no whitespace, the domain part lower-cased. Ids without an "@" are not
 * valid RFC 5322 ids and are dropped; real clients never generate them, tests and broken tools do.
 */
final class MessageIds {

	private static final Pattern BRACKETED = Pattern.compile("<([^<>]*)>");

	private static final Pattern BARE = Pattern.compile("[^\\s<>,;\"()]+@[^\\s<>,;\"()]+");

	private MessageIds() {
	}

	/** Every valid id in the header values, in order, without duplicates. */
	static List<String> parseAll(String... values) {
		Set<String> ids = new LinkedHashSet<>();
		for (String value : values) {
			if (value == null) {
				continue;
			}
			String unfolded = HeaderText.unfold(value);
			Matcher bracketed = BRACKETED.matcher(unfolded);
			boolean any = false;
			while (bracketed.find()) {
				any = true;
				String id = normalise(bracketed.group(1));
				if (id != null) {
					ids.add(id);
				}
			}
			if (!any) {
				Matcher bare = BARE.matcher(unfolded);
				while (bare.find()) {
					String id = normalise(bare.group());
					if (id != null) {
						ids.add(id);
					}
				}
			}
		}
		return new ArrayList<>(ids);
	}

	/** The first valid id, or {@code null}. */
	static String parseOne(String value) {
		List<String> ids = parseAll(value);
		return ids.isEmpty() ? null : ids.get(0);
	}

	static String normalise(String id) {
		if (id == null) {
			return null;
		}
		String compact = id.replaceAll("\\s+", "");
		if (compact.startsWith("<")) {
			compact = compact.substring(1);
		}
		if (compact.endsWith(">")) {
			compact = compact.substring(0, compact.length() - 1);
		}
		int at = compact.lastIndexOf('@');
		if (at <= 0 || at == compact.length() - 1 || compact.indexOf('<') >= 0 || compact.indexOf('>') >= 0) {
			return null;
		}
		for (int i = 0; i < compact.length(); i++) {
			if (compact.charAt(i) < 0x21 || compact.charAt(i) == 0x7F) {
				return null;
			}
		}
		return compact.substring(0, at + 1) + compact.substring(at + 1).toLowerCase(Locale.ROOT);
	}

}
