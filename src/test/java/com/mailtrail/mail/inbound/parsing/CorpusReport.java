package com.mailtrail.mail.inbound.parsing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Measures the parser against the shared test corpus without copying it into the project: parses every input file
 * named in {@code MANIFEST.tsv} and compares From, Subject, the original sender of forwards and the attachment
 * count with the expected values. Not a test (the corpus lives outside the repository); run it by hand:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     com.mailtrail.mail.inbound.parsing.CorpusReport /work/shared/corpus
 * </pre>
 */
public final class CorpusReport {

	private static final Pattern INPUT_SUBJECT = Pattern.compile("input subject[^\"]*\"([^\"]+)\"");

	private static final String[] COLUMNS = { "from", "subject", "original_sender", "attachments" };

	private final Map<String, int[]> score = new LinkedHashMap<>();

	private final List<String> mismatches = new ArrayList<>();

	public static void main(String[] args) throws IOException {
		Path corpus = Path.of(args.length > 0 ? args[0] : "/work/shared/corpus");
		new CorpusReport().run(corpus);
	}

	private void run(Path corpus) throws IOException {
		for (String column : COLUMNS) {
			this.score.put(column, new int[2]);
		}
		MimeMessageParser parser = new MimeMessageParser();
		List<String> rows = Files.readAllLines(corpus.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
		List<String> header = List.of(rows.get(0).split("\t", -1));
		for (String row : rows.subList(1, rows.size())) {
			String[] cells = row.split("\t", -1);
			Map<String, String> values = new LinkedHashMap<>();
			for (int i = 0; i < header.size() && i < cells.length; i++) {
				values.put(header.get(i), cells[i].strip());
			}
			String file = values.get("file");
			boolean bodyOnly = file.endsWith(".body.txt");
			if (!file.endsWith(".eml") && !bodyOnly) {
				continue;
			}
			byte[] bytes = Files.readAllBytes(corpus.resolve(file));
			String notes = values.getOrDefault("notes", "");
			ParsedEmail parsed = parser.parse(bodyOnly ? wrap(bytes, subjectFor(values, notes)) : bytes);
			System.out.println("== " + file + (parsed.readable() ? "" : "  [unreadable]") + "  problems="
					+ parsed.problems().size());
			if (!bodyOnly) {
				compare(file, "from", values.get("expected_from"), fromOf(parsed), matchFrom(values.get("expected_from"), parsed));
				compare(file, "subject", values.get("expected_subject"), parsed.subject(),
						same(values.get("expected_subject"), parsed.subject()));
			}
			else {
				ForwardedMessage forwarded = parsed.forwarded();
				String subject = forwarded == null ? null : forwarded.subject();
				compare(file, "subject", values.get("expected_subject"), subject,
						same(values.get("expected_subject"), subject));
			}
			String expectedOriginal = values.get("expected_original_sender_if_forwarded");
			String foundOriginal = parsed.forwardedMessages()
				.stream()
				.map((f) -> String.valueOf(f.from()))
				.collect(Collectors.joining("; "));
			if (expectedOriginal.isEmpty() && notes.startsWith("NEGATIVE")) {
				compare(file, "original_sender", "(not a forward)", foundOriginal.isEmpty() ? "(not a forward)" : foundOriginal,
						foundOriginal.isEmpty());
			}
			else {
				compare(file, "original_sender", expectedOriginal, foundOriginal, matchOriginal(expectedOriginal, foundOriginal));
			}
			if (!bodyOnly) {
				String expectedCount = values.get("expected_attachment_count");
				compare(file, "attachments", expectedCount, String.valueOf(parsed.attachments().size()),
						expectedCount.equals(String.valueOf(parsed.attachments().size())));
			}
		}
		System.out.println();
		System.out.println("== Mismatches");
		this.mismatches.forEach(System.out::println);
		System.out.println();
		int matched = 0;
		int total = 0;
		for (Map.Entry<String, int[]> column : this.score.entrySet()) {
			int[] s = column.getValue();
			matched += s[0];
			total += s[1];
			System.out.printf(Locale.ROOT, "%-16s %3d / %3d  %6.1f%%%n", column.getKey(), s[0], s[1], percent(s[0], s[1]));
		}
		System.out.printf(Locale.ROOT, "%-16s %3d / %3d  %6.1f%%%n", "overall", matched, total, percent(matched, total));
	}

	private void compare(String file, String column, String expected, String found, boolean match) {
		if (expected == null || expected.isBlank()) {
			return;
		}
		int[] s = this.score.get(column);
		s[1]++;
		if (match) {
			s[0]++;
		}
		else {
			this.mismatches.add(file + "  " + column + ": expected [" + expected + "] found [" + found + "]");
		}
		System.out.println("   " + (match ? "ok " : "XX ") + column + ": expected [" + expected + "] found [" + found + "]");
	}

	private static String subjectFor(Map<String, String> values, String notes) {
		Matcher matcher = INPUT_SUBJECT.matcher(notes);
		if (matcher.find()) {
			return matcher.group(1);
		}
		String expected = values.get("expected_subject");
		return expected.isEmpty() ? "Lorem ipsum" : "Fwd: " + expected;
	}

	/** The minimal message a body-only fixture is sent in: a forwarder, an encoded subject and the text. */
	private static byte[] wrap(byte[] body, String subject) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String headers = "From: Forwarder <forwarder@example.com>\r\nTo: bcc@example.com\r\nSubject: =?UTF-8?B?"
				+ Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8))
				+ "?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
				+ "Content-Transfer-Encoding: 8bit\r\n\r\n";
		out.write(headers.getBytes(StandardCharsets.US_ASCII));
		out.write(body);
		return out.toByteArray();
	}

	private static String fromOf(ParsedEmail parsed) {
		return parsed.authors().stream().map(EmailParticipant::toString).collect(Collectors.joining("; "));
	}

	private static boolean matchFrom(String expected, ParsedEmail parsed) {
		if (expected.startsWith("INVALID (literal header):")) {
			return parsed.problems().stream().anyMatch((p) -> p.startsWith("From header is not a valid"));
		}
		return same(expected, fromOf(parsed));
	}

	/** "user1 (forwarder); innermost original: user0" accepts either of the two. */
	private static boolean matchOriginal(String expected, String found) {
		Matcher nested = Pattern.compile("^(\\S+) \\(forwarder\\); innermost original: (\\S+)$").matcher(expected);
		if (nested.matches()) {
			return same(nested.group(1), found) || same(nested.group(2), found);
		}
		return same(expected, found);
	}

	private static boolean same(String expected, String found) {
		return normalise(expected).equals(normalise(found));
	}

	private static String normalise(String value) {
		return value == null ? "" : value.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
	}

	private static double percent(int matched, int total) {
		return total == 0 ? 100.0 : 100.0 * matched / total;
	}

}
