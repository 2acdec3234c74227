package com.mailtrail.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole template language: literal text and attributes {@code {{ name }}} or
 * {@code {{ name | default: "fallback" }}}. There is nothing else - no sections, loops, includes, partials, filters,
 * expressions or method calls - so nothing in a template can run. Anything between {@code {{ }}} that is not exactly
 * this shape is refused, and so is a Liquid-style tag {@code {% %}}, so that a user who expects logic gets a message
 * instead of silent literal output.
 * <p>
 * Rendering only ever looks a name up in a map of whitelisted values; a missing or blank value gives the fallback or
 * nothing. The caller escapes values for where they go (HTML text, a subject line).
 */
final class TemplateSyntax {

	static final int MAX_FALLBACK = 200;

	private static final Pattern PLACEHOLDER = Pattern
		.compile("\\s*([A-Za-z0-9_.]{1,100})\\s*(?:\\|\\s*(.*?)\\s*)?", Pattern.DOTALL | Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern DEFAULT = Pattern.compile("default\\s*:\\s*(?:\"([^\"]*)\"|'([^']*)')",
			Pattern.DOTALL | Pattern.UNICODE_CHARACTER_CLASS);

	private TemplateSyntax() {
	}

	sealed interface Segment permits Text, Attribute {
	}

	record Text(String text) implements Segment {
	}

	/** {@code source} is the attribute as written, for messages. */
	record Attribute(String key, String fallback, String source) implements Segment {
	}

	/** Splits text into literal text and attributes; malformed attributes are refused with a message naming them. */
	static List<Segment> parse(String text, String field) {
		List<Segment> segments = new ArrayList<>();
		int tag = text.indexOf("{%");
		if (tag >= 0) {
			throw new InvalidTemplateException(field, "Tags such as " + snippet(text, tag)
					+ " are not supported; templates only use attributes like {{contact.first_name}}.");
		}
		int at = 0;
		while (at < text.length()) {
			int open = text.indexOf("{{", at);
			if (open < 0) {
				segments.add(new Text(text.substring(at)));
				break;
			}
			if (open > at) {
				segments.add(new Text(text.substring(at, open)));
			}
			int close = closing(text, open + 2);
			if (close < 0) {
				throw new InvalidTemplateException(field,
						"The attribute " + snippet(text, open) + " is not closed with }}.");
			}
			segments.add(attribute(text.substring(open + 2, close), text.substring(open, close + 2), field));
			at = close + 2;
		}
		return segments;
	}

	/** The attributes a text uses, checked for shape only. */
	static List<Attribute> attributes(String text, String field) {
		return parse(text, field).stream()
			.filter(Attribute.class::isInstance)
			.map(Attribute.class::cast)
			.toList();
	}

	/**
	 * Fills attributes from {@code values}; {@code escape} makes each value safe for its destination and is applied
	 * to fallbacks too. Literal text is returned as written.
	 */
	static String render(List<Segment> segments, Map<String, String> values, UnaryOperator<String> escape) {
		StringBuilder out = new StringBuilder();
		for (Segment segment : segments) {
			if (segment instanceof Text t) {
				out.append(t.text());
			}
			else if (segment instanceof Attribute a) {
				String value = values.get(a.key());
				if (value == null || value.isBlank()) {
					value = a.fallback() == null ? "" : a.fallback();
				}
				out.append(escape.apply(value));
			}
		}
		return out.toString();
	}

	/** The index of the {@code }}} that closes an attribute, skipping quoted fallbacks; -1 if there is none. */
	private static int closing(String text, int from) {
		char quote = 0;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
			}
			else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
				return i;
			}
			else if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
				return -1;
			}
		}
		return -1;
	}

	private static Attribute attribute(String inner, String source, String field) {
		Matcher m = PLACEHOLDER.matcher(inner);
		if (!m.matches()) {
			throw new InvalidTemplateException(field,
					"Unknown attribute " + shorten(source) + ". Attributes look like {{contact.first_name}}.");
		}
		String fallback = null;
		if (m.group(2) != null) {
			Matcher d = DEFAULT.matcher(m.group(2));
			if (!d.matches()) {
				throw new InvalidTemplateException(field, "In " + shorten(source)
						+ " only a fallback can follow |, written like | default: \"there\".");
			}
			fallback = d.group(1) != null ? d.group(1) : d.group(2);
			if (fallback.length() > MAX_FALLBACK) {
				throw new InvalidTemplateException(field,
						"The fallback in " + shorten(source) + " is too long; keep it under " + MAX_FALLBACK
								+ " characters.");
			}
		}
		return new Attribute(m.group(1), fallback, source);
	}

	private static String snippet(String text, int from) {
		int end = text.indexOf("}", from);
		return shorten(end < 0 ? text.substring(from) : text.substring(from, end + 1));
	}

	private static String shorten(String s) {
		String oneLine = s.replaceAll("\\s+", " ");
		return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
	}

}
