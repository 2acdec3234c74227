/*
 * Tracking endpoint benchmark: a main program, not a test.
 *
 * Against a running Mailtrail on the embedded default (`./mvnw spring-boot:run`), it registers a tracked email of
 * alice@acme.test directly in the app's database (as the send-time rewriter would), then runs wrk against
 *   1. /t/static.gif  - the same pixel and headers, recording nothing (the baseline),
 *   2. /t/o/<token>   - the open pixel, recording every request,
 *   3. /t/c/<token>   - the click redirect, recording every request,
 * with a browser's User-Agent, and afterwards counts the recorded events: none may be lost.
 *
 *   ./mvnw -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
 *   java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
 *       com.mailtrail.bench.TrackingBenchmark [--url http://localhost:8080] [--data-dir data] \
 *       [--duration 20s] [--connections 16] [--threads 2]
 *
 * It reads the embedded database's port from <data-dir>/postgres/postmaster.pid and the deployment secret from
 * MAILTRAIL_SECRET or <data-dir>/secret.key, and signs its tokens as TrackingTokens does. Needs wrk (apt-get install wrk).
 */
package com.mailtrail.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public final class TrackingBenchmark {

	static final String AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/131.0.0.0 Safari/537.36";

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

	private static final Pattern P99 = Pattern.compile("\\s99%\\s+([\\d.]+)(us|ms|s)");

	private TrackingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String url = option(args, "--url", "http://localhost:8080");
		Path dataDir = Path.of(option(args, "--data-dir", "data"));
		String duration = option(args, "--duration", "20s");
		String connections = option(args, "--connections", "16");
		String threads = option(args, "--threads", "2");

		List<String> pid = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
		String jdbcUrl = "jdbc:postgresql://localhost:" + pid.get(3).trim() + "/mailtrail";
		String secret = System.getenv("MAILTRAIL_SECRET");
		if (secret == null || secret.isBlank()) {
			secret = Files.readString(dataDir.resolve("secret.key")).trim();
		}
		byte[] key = derive(secret, "tracking-token");

		try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			Registered email = register(db, key);
			System.out.printf("Tracked email %s registered; wrk -t%s -c%s -d%s with a browser User-Agent%n%n",
					email.emailId(), threads, connections, duration);

			// Each endpoint is warmed up before it is measured, so that the JIT has compiled its path (the app runs with
			// the full JIT); events of the warm-up are not counted.
			String open = url + "/t/o/" + email.openToken();
			String click = url + "/t/c/" + email.clickToken();
			boolean warmed = true;
			for (String endpoint : List.of(url + "/t/static.gif", open, click)) {
				warmed &= wrk(endpoint, threads, connections, "10s").requests() > 0;
			}
			Run baseline = wrk(url + "/t/static.gif", threads, connections, duration);
			print("static GIF (baseline)", baseline);

			long opensBefore = awaitStable(db, email.emailId(), "OPEN");
			Run opens = wrk(open, threads, connections, duration);
			print("open pixel", opens);
			long opensRecorded = awaitStable(db, email.emailId(), "OPEN") - opensBefore;

			long clicksBefore = awaitStable(db, email.emailId(), "CLICK");
			Run clicks = wrk(click, threads, connections, duration);
			print("click redirect", clicks);
			long clicksRecorded = awaitStable(db, email.emailId(), "CLICK") - clicksBefore;

			System.out.println();
			report("open", opens, baseline, opensRecorded);
			report("click", clicks, baseline, clicksRecorded);
			if (!warmed) {
				System.out.println("(warm-up failed)");
			}
		}
	}

	private static void report(String name, Run run, Run baseline, long recorded) {
		System.out.printf("%-5s: %.0f req/s = %.0f%% of static (target >= 70%%), p99 %.2f ms (target < 50 ms); "
				+ "wrk completed %d, events recorded %d (%s)%n", name, run.rate(), 100 * run.rate() / baseline.rate(),
				run.p99Millis(), run.requests(), recorded,
				recorded >= run.requests() ? "none lost" : (run.requests() - recorded) + " MISSING");
	}

	private static void print(String name, Run run) {
		System.out.printf("== %s ==%n%s%n", name, run.output());
	}

	/** A tracked email with one link, sent an hour ago (past the scanner window), for alice of the demo company. */
	private static Registered register(Connection db, byte[] key) throws Exception {
		UUID tenant;
		UUID alice;
		try (PreparedStatement s = db.prepareStatement("select tenant_id, id from user_account where email = ?")) {
			s.setString(1, "alice@acme.test");
			try (ResultSet rs = s.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("No alice@acme.test: run the app with the demo company");
				}
				tenant = rs.getObject(1, UUID.class);
				alice = rs.getObject(2, UUID.class);
			}
		}
		UUID conversation = UUID.randomUUID();
		UUID email = UUID.randomUUID();
		byte[] openId = random();
		byte[] clickId = random();
		execute(db, "insert into conversation (id, tenant_id) values (?, ?)", conversation, tenant);
		execute(db, "insert into email (id, tenant_id, owner_id, direction, dedupe_key, content_sha256, conversation_id,"
				+ " subject, sent_at) values (?, ?, ?, 'OUTBOUND', ?, ?, ?, 'Tracking benchmark', now())", email, tenant,
				alice, "bench:" + email, "0".repeat(64), conversation);
		execute(db, "insert into tracked_email (email_id, tenant_id, owner_id, subject, recipients, token_id, created_at)"
				+ " values (?, ?, ?, 'Tracking benchmark', 'Benchmark', ?, now() - interval '1 hour')", email, tenant,
				alice, openId);
		execute(db, "insert into tracked_link (id, tenant_id, email_id, position, url, token_id)"
				+ " values (?, ?, ?, 0, 'https://example.com/landing?utm_source=mailtrail&x=%C3%BC#top', ?)",
				UUID.randomUUID(), tenant, email, clickId);
		return new Registered(email, token(key, openId), token(key, clickId));
	}

	private static long awaitStable(Connection db, UUID email, String kind) throws Exception {
		long last = -1;
		long now = count(db, email, kind);
		while (now != last) {
			Thread.sleep(1000);
			last = now;
			now = count(db, email, kind);
		}
		return now;
	}

	private static long count(Connection db, UUID email, String kind) throws Exception {
		try (PreparedStatement s = db.prepareStatement(
				"select count(*) from tracking_event where email_id = ? and kind = ? and not inferred")) {
			s.setObject(1, email);
			s.setString(2, kind);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static Run wrk(String target, String threads, String connections, String duration) throws Exception {
		Process process = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + duration, "--latency",
				"-H", "User-Agent: " + AGENT, target)
			.redirectErrorStream(true)
			.start();
		StringBuilder out = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				out.append(line).append('\n');
			}
		}
		process.waitFor();
		String text = out.toString();
		return new Run(text, find(REQUESTS, text).map(Long::parseLong).orElse(-1L),
				find(RATE, text).map(Double::parseDouble).orElse(0.0), p99(text));
	}

	private static double p99(String text) {
		Matcher m = P99.matcher(text);
		if (!m.find()) {
			return Double.NaN;
		}
		double value = Double.parseDouble(m.group(1));
		return switch (m.group(2)) {
			case "us" -> value / 1000;
			case "s" -> value * 1000;
			default -> value;
		};
	}

	private static java.util.Optional<String> find(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
	}

	private static void execute(Connection db, String sql, Object... params) throws Exception {
		try (PreparedStatement s = db.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				s.setObject(i + 1, params[i]);
			}
			s.executeUpdate();
		}
	}

	private static byte[] random() {
		byte[] id = new byte[16];
		new SecureRandom().nextBytes(id);
		return id;
	}

	/** As DeploymentSecret.deriveKey. */
	private static byte[] derive(String master, String purpose) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(master.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return mac.doFinal(("mailtrail:" + purpose).getBytes(StandardCharsets.UTF_8));
	}

	/** As TrackingTokens.token: the id, then the first 12 bytes of its HMAC, base64url. */
	private static String token(byte[] key, byte[] id) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		byte[] token = Arrays.copyOf(id, 28);
		System.arraycopy(mac.doFinal(id), 0, token, 16, 12);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
	}

	private static String option(String[] args, String name, String fallback) {
		List<String> list = new ArrayList<>(List.of(args));
		int i = list.indexOf(name);
		return i >= 0 && i + 1 < list.size() ? list.get(i + 1) : fallback;
	}

	private record Registered(UUID emailId, String openToken, String clickToken) {
	}

	private record Run(String output, long requests, double rate, double p99Millis) {
	}

}
