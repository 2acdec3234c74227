package com.mailtrail.mail.web;

import java.util.Locale;

/** What a user typed, as a case-insensitive LIKE pattern in which % and _ are literal. */
final class SearchPatterns {

	/** The pattern of an empty search: it matches everything, and the queries short-cut it. */
	static final String ANY = "%%";

	private SearchPatterns() {
	}

	static String of(String query) {
		String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
		return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
