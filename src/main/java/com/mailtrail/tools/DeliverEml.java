package com.mailtrail.tools;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers every {@code .eml} file under a folder to a running Mailtrail's Smart BCC listener, as a mail server
 * would, and prints per file the SMTP reply and what Mailtrail understood: sender, original sender, subject,
 * people, attachments and linked records. With {@code --manifest} it also compares against a corpus manifest
 * (tab-separated: file, ..., expected_from, expected_subject, expected_original_sender_if_forwarded,
 * expected_attachment_count) and prints the share of expected values matched.
 *
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.mainClass=com.mailtrail.tools.DeliverEml \
 *   -Dexec.args="--user alice@acme.test --password mailtrail --manifest ../shared/corpus/MANIFEST.tsv ../shared/corpus"
 * </pre>
 */
public final class DeliverEml {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] COLUMNS = { "from", "subject", "original_sender", "attachments" };

	private final String smtpHost;

	private final int smtpPort;

	private final String api;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final PrintStream out;

	private String token;

	DeliverEml(String smtpHost, int smtpPort, String api, PrintStream out) {
		this.smtpHost = smtpHost;
		this.smtpPort = smtpPort;
		this.api = api;
		this.out = out;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("smtp", "127.0.0.1:2525", "api", "http://localhost:8080",
				"user", "alice@acme.test", "password", "mailtrail"));
		Path folder = null;
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--") && i + 1 < args.length) {
				options.put(args[i].substring(2), args[++i]);
			}
			else {
				folder = Path.of(args[i]);
			}
		}
		if (folder == null) {
			System.err.println("usage: DeliverEml [--smtp host:port] [--api url] [--user login] [--password pw] "
					+ "[--manifest MANIFEST.tsv] FOLDER");
			System.exit(2);
		}
		String[] smtp = options.get("smtp").split(":");
		DeliverEml tool = new DeliverEml(smtp[0], Integer.parseInt(smtp[1]), options.get("api"), System.out);
		int failures = tool.run(folder, options.get("user"), options.get("password"),
				options.containsKey("manifest") ? Path.of(options.get("manifest")) : null);
		System.exit(failures == 0 ? 0 : 1);
	}

	/** Returns the number of files that were not accepted. */
	int run(Path folder, String user, String password, Path manifest) throws Exception {
		this.token = JSON.readTree(send("POST", "/api/v1/auth/token",
				JSON.createObjectNode().put("email", user).put("password", password).toString()))
			.get("token")
			.asString();
		String bcc = JSON.readTree(send("GET", "/api/v1/me", null)).get("bccAddress").asString();
		Map<String, Map<String, String>> expected = manifest == null ? Map.of() : readManifest(manifest);
		List<Path> files;
		try (Stream<Path> walk = Files.walk(folder)) {
			files = walk.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
		}
		int notAccepted = 0;
		int[] matched = new int[COLUMNS.length];
		int[] total = new int[COLUMNS.length];
		for (Path file : files) {
			String name = folder.relativize(file).toString();
			String reply = deliver(Files.readAllBytes(file), bcc);
			this.out.println("== " + name);
			this.out.println("   SMTP: " + reply);
			if (!reply.startsWith("250")) {
				notAccepted++;
				continue;
			}
			JsonNode understood = awaitUnderstood(reply);
			print(understood);
			Map<String, String> row = expected.get(name);
			if (row != null && understood != null) {
				compare(row, understood, matched, total);
			}
		}
		this.out.printf("%n%d files, %d accepted, %d not accepted%n", files.size(), files.size() - notAccepted,
				notAccepted);
		if (!expected.isEmpty()) {
			int allMatched = 0;
			int all = 0;
			for (int i = 0; i < COLUMNS.length; i++) {
				this.out.printf("%-16s %4d / %4d  %5.1f%%%n", COLUMNS[i], matched[i], total[i], percent(matched[i], total[i]));
				allMatched += matched[i];
				all += total[i];
			}
			this.out.printf("%-16s %4d / %4d  %5.1f%%%n", "overall", allMatched, all, percent(allMatched, all));
		}
		return notAccepted;
	}

	private void print(JsonNode understood) {
		if (understood == null) {
			this.out.println("   not processed yet");
			return;
		}
		this.out.println("   sender: " + text(understood, "from"));
		if (understood.get("forwarded").asBoolean()) {
			this.out.println("   original sender: " + text(understood, "originalSender") + " · original subject: "
					+ text(understood, "originalSubject"));
		}
		this.out.println("   subject: " + text(understood, "subject"));
		this.out.println("   people: " + list(understood.get("people")));
		this.out.println("   attachments (" + understood.get("attachments").size() + "): " + list(understood.get("attachments")));
		List<String> links = new ArrayList<>();
		understood.get("links").forEach(l -> links.add(l.get("recordType").asString().toLowerCase(Locale.ROOT) + " "
				+ text(l, "name") + " (" + text(l, "reason") + ")"));
		this.out.println("   linked: " + (links.isEmpty() ? "nothing" : String.join("; ", links)));
		if (understood.get("unreadable").asBoolean() || !"NONE".equals(text(understood, "autoSubmission"))) {
			this.out.println("   flags: " + (understood.get("unreadable").asBoolean() ? "could not be read; " : "")
					+ text(understood, "autoSubmission"));
		}
	}

	private void compare(Map<String, String> row, JsonNode understood, int[] matched, int[] total) {
		check(0, row.get("expected_from"), fromMatches(row.get("expected_from"), understood), text(understood, "from"),
				matched, total);
		check(1, row.get("expected_subject"), same(row.get("expected_subject"), text(understood, "subject")),
				text(understood, "subject"), matched, total);
		String original = row.get("expected_original_sender_if_forwarded");
		check(2, original, originalMatches(original, understood), text(understood, "originalSender"), matched, total);
		String count = String.valueOf(understood.get("attachments").size());
		check(3, row.get("expected_attachment_count"), row.get("expected_attachment_count").equals(count), count,
				matched, total);
	}

	private static boolean fromMatches(String expected, JsonNode understood) {
		if (expected.startsWith("INVALID (literal header):")) {
			return text(understood, "problems").contains("From header is not a valid");
		}
		return same(expected, text(understood, "from"));
	}

	/** "user1 (forwarder); innermost original: user0" accepts either. */
	private static boolean originalMatches(String expected, JsonNode understood) {
		String found = understood.get("forwarded").asBoolean() ? text(understood, "originalSender") : "";
		var nested = java.util.regex.Pattern.compile("^(\\S+) \\(forwarder\\); innermost original: (\\S+)$")
			.matcher(expected);
		if (nested.matches()) {
			return same(nested.group(1), found) || same(nested.group(2), found);
		}
		return same(expected, found);
	}

	private void check(int column, String expected, boolean ok, String found, int[] matched, int[] total) {
		if (expected == null || expected.isBlank()) {
			return;
		}
		total[column]++;
		if (ok) {
			matched[column]++;
		}
		else {
			this.out.println("   MISMATCH " + COLUMNS[column] + ": expected \"" + expected + "\", understood \"" + found
					+ "\"");
		}
	}

	/** One SMTP transaction over a socket: line endings made CRLF and dots stuffed, as a mail server sends. */
	String deliver(byte[] message, String recipient) throws IOException {
		try (Socket socket = new Socket(this.smtpHost, this.smtpPort)) {
			socket.setSoTimeout(60_000);
			var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream smtp = socket.getOutputStream();
			String reply = read(in);
			for (String command : List.of("EHLO deliver-eml.localhost", "MAIL FROM:<deliver-eml@localhost> BODY=8BITMIME",
					"RCPT TO:<" + recipient + ">", "DATA")) {
				reply = command(smtp, in, command);
				if (!reply.startsWith("2") && !reply.startsWith("3")) {
					return reply;
				}
			}
			smtp.write(wireFormat(message));
			reply = command(smtp, in, ".");
			command(smtp, in, "QUIT");
			return reply;
		}
	}

	static byte[] wireFormat(byte[] message) {
		ByteArrayOutputStream wire = new ByteArrayOutputStream(message.length + 1024);
		boolean lineStart = true;
		for (int i = 0; i < message.length; i++) {
			byte b = message[i];
			if (b == '\r' || b == '\n') {
				if (b == '\r' && i + 1 < message.length && message[i + 1] == '\n') {
					i++;
				}
				wire.write('\r');
				wire.write('\n');
				lineStart = true;
				continue;
			}
			if (lineStart && b == '.') {
				wire.write('.');
			}
			wire.write(b);
			lineStart = false;
		}
		if (!lineStart) {
			wire.write('\r');
			wire.write('\n');
		}
		return wire.toByteArray();
	}

	private JsonNode awaitUnderstood(String reply) throws Exception {
		int at = reply.indexOf("stored as ");
		if (at < 0) {
			return null;
		}
		String session = reply.substring(at + "stored as ".length()).trim();
		for (int i = 0; i < 200; i++) {
			JsonNode rows = JSON.readTree(send("GET", "/api/v1/inbound/" + session, null));
			if (rows.size() > 0 && !"RECEIVED".equals(rows.get(0).get("status").asString())) {
				return rows.get(0).get("understood");
			}
			Thread.sleep(50);
		}
		return null;
	}

	private String send(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.api + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return response.body();
	}

	private static Map<String, Map<String, String>> readManifest(Path manifest) throws IOException {
		List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
		String[] header = lines.get(0).split("\t", -1);
		Map<String, Map<String, String>> rows = new HashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] fields = line.split("\t", -1);
			Map<String, String> row = new HashMap<>();
			for (int i = 0; i < header.length && i < fields.length; i++) {
				row.put(header[i], fields[i]);
			}
			rows.put(row.get("file"), row);
		}
		return rows;
	}

	private static String command(OutputStream out, BufferedReader in, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return read(in);
	}

	private static String read(BufferedReader in) throws IOException {
		String line;
		do {
			line = in.readLine();
			if (line == null) {
				return "(connection closed)";
			}
		}
		while (line.length() > 3 && line.charAt(3) == '-');
		return line;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? "" : value.asString();
	}

	private static String list(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asString()));
		return values.isEmpty() ? "none" : String.join(", ", values);
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
