package com.mailtrail.mail.inbound.parsing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What subject prefixes say about a message: the reply and forward markers of common clients and languages. */
final class Subjects {

	/**
	 * Forward prefixes: English Fw/Fwd, French TR/Fwd, German WG, Spanish RV/Reenv, Italian I/Inoltro, Portuguese
	 * Enc/Encaminhar, Dutch Doorst, Nordic VS/VB/Vs, Polish PD, Japanese 転送.
	 */
	private static final String FORWARD = "fwd|fw|tr|trs|wg|rv|reenv|i|inoltro|enc|encaminhar|doorst|vs|vb|vl|pd|fs|転送";

	private static final String REPLY = "re|aw|antw|antwort|sv|r|ref|res|rif|odp|vá|atb|回复|答复|返信";

	private static final Pattern PREFIX = Pattern
		.compile("^\\s*(?:\\[\\s*)?(" + FORWARD + "|" + REPLY + ")\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*",
				Pattern.CASE_INSENSITIVE);

	private static final Pattern FORWARD_WORD = Pattern.compile("^(?:" + FORWARD + ")$", Pattern.CASE_INSENSITIVE);

	/** Pine and other old clients append "(fwd)" instead of a prefix. */
	private static final Pattern FWD_SUFFIX = Pattern.compile("\\s*\\((?:fwd|fw)\\)\\s*$", Pattern.CASE_INSENSITIVE);

	private Subjects() {
	}

	/** Whether the leading chain of prefixes ("Re: Fwd:", "R: I:", "[Fwd: ...]") or a "(fwd)" suffix marks a forward. */
	static boolean isForward(String subject) {
		if (subject == null) {
			return false;
		}
		if (FWD_SUFFIX.matcher(subject).find()) {
			return true;
		}
		String rest = subject;
		Matcher matcher = PREFIX.matcher(rest);
		while (matcher.find()) {
			if (FORWARD_WORD.matcher(matcher.group(1)).matches()) {
				return true;
			}
			rest = rest.substring(matcher.end());
			matcher = PREFIX.matcher(rest);
		}
		return false;
	}

	/** The subject without its leading reply and forward prefixes, Netscape brackets and a "(fwd)" suffix. */
	static String stripPrefixes(String subject) {
		if (subject == null) {
			return null;
		}
		String rest = subject.strip();
		boolean bracketed = false;
		Matcher matcher = PREFIX.matcher(rest);
		while (matcher.find() && matcher.end() < rest.length()) {
			bracketed |= matcher.group().contains("[");
			rest = rest.substring(matcher.end());
			matcher = PREFIX.matcher(rest);
		}
		if (bracketed && rest.endsWith("]")) {
			rest = rest.substring(0, rest.length() - 1);
		}
		return FWD_SUFFIX.matcher(rest).replaceFirst("").strip();
	}

}
