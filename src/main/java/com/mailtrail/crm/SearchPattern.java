package com.mailtrail.crm;

import java.util.Locale;

/** Turns what a user typed into a case-insensitive LIKE pattern in which % and _ are literal. */
public final class SearchPattern {

	/** The pattern for an empty search: it matches everything, and queries short-cut it. */
	public static final String ANY = "%%";

	private SearchPattern() {
	}

	public static String of(String query) {
		String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
		return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
