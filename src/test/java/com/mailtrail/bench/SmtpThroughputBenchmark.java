/*
 * SMTP throughput benchmark: a main program, not a test.
 *
 * Sends N messages (default 2000) of about 10 KB over 8 concurrent connections to host:port
 * with one RCPT TO, reusing each connection with RSET and a new MAIL FROM as Postfix's
 * smtp-source does, and prints messages per second. Every message has its own Message-ID, so a
 * store that deduplicates keeps them all. Loopback targets only; the run is bounded by the
 * message count and by --max-seconds.
 *
 *   ./mvnw -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
 *   java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
 *       com.mailtrail.bench.SmtpThroughputBenchmark --port 2525 --rcpt <a Smart BCC address> \
 *       [--host 127.0.0.1] [--messages 2000] [--connections 8] [--size 10240] [--warmup 200] \
 *       [--max-seconds 300] [--rounds 1] [--with-discard-baseline]
 *
 * --with-discard-baseline also starts, in this JVM, a plain SubEthaSMTP listener on a random
 * loopback port whose handler reads each message and throws it away, runs the same load against
 * it, and prints both rates and their ratio: how much of the ceiling the real listener reaches.
 * --rounds N repeats baseline and target N times (each baseline after the app has worked off the
 * previous round) and prints every round's ratio with their median: both sides vary from run to run.
 * Without --port only the baseline runs.
 */
package com.mailtrail.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;

public final class SmtpThroughputBenchmark {

	private SmtpThroughputBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		quietLogging();
		if (options.port() == null && !options.withDiscardBaseline()) {
			System.err.println("Nothing to do: give --port and --rcpt, and/or --with-discard-baseline");
			System.exit(2);
		}
		List<Double> ratios = new ArrayList<>();
		for (int round = 1; round <= options.rounds(); round++) {
			if (options.rounds() > 1) {
				System.out.printf("round %d of %d%n", round, options.rounds());
			}
			runRound(options).ifPresent(ratios::add);
		}
		if (ratios.size() > 1) {
			List<Double> sorted = ratios.stream().sorted().toList();
			double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
					: (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
			System.out.printf("ratios target/baseline over %d rounds: %s; median %.2f, lowest %.2f%n", ratios.size(),
					ratios.stream().map(r -> String.format("%.2f", r)).toList(), median, sorted.get(0));
		}
	}

	/** One measurement of each side; the ratio when both ran. */
	private static Optional<Double> runRound(Options options) throws Exception {
		// The baseline runs first: after the target run the app works off what it accepted, and that work would
		// otherwise slow the baseline down and flatter the ratio.
		Result discard = null;
		if (options.withDiscardBaseline()) {
			awaitIdleMachine();
			SMTPServer baseline = SMTPServer.port(0)
				.bindAddress(InetAddress.getLoopbackAddress())
				.hostName("discard.baseline")
				.messageHandlerFactory(DiscardingHandler::new)
				.build();
			baseline.start();
			try {
				discard = measure("discard baseline",
						new InetSocketAddress(InetAddress.getLoopbackAddress(), baseline.getPortAllocated()), options);
			}
			finally {
				baseline.stop();
			}
		}
		Result target = null;
		if (options.port() != null) {
			InetSocketAddress address = loopback(options.host(), options.port());
			target = measure("target", address, options);
		}
		if (target != null && discard != null) {
			double ratio = target.rate() / discard.rate();
			System.out.printf("ratio target/baseline: %.2f%n", ratio);
			return Optional.of(ratio);
		}
		return Optional.empty();
	}

	/**
	 * Waits (up to ten minutes) until the machine is nearly idle: an app still working off the messages of an earlier
	 * run would slow the baseline down and flatter the ratio. Reads the CPU counters of /proc/stat (Linux).
	 */
	private static void awaitIdleMachine() throws IOException, InterruptedException {
		Path stat = Path.of("/proc/stat");
		if (!Files.isReadable(stat)) {
			return;
		}
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		boolean told = false;
		while (System.nanoTime() - deadline < 0) {
			long[] before = cpuTicks(stat);
			Thread.sleep(1000);
			long[] after = cpuTicks(stat);
			double busy = 1 - (double) (after[1] - before[1]) / Math.max(1, after[0] - before[0]);
			if (busy < 0.10) {
				return;
			}
			if (!told) {
				System.out.printf("waiting for the machine to be idle (%.0f%% busy; the app may still be processing"
						+ " an earlier run's messages)%n", busy * 100);
				told = true;
			}
		}
		System.out.println("the machine did not become idle; measuring anyway");
	}

	/** All ticks and idle ticks (idle + iowait) of the first line of /proc/stat. */
	private static long[] cpuTicks(Path stat) throws IOException {
		String[] fields = Files.readAllLines(stat).get(0).trim().split("\\s+");
		long total = 0;
		for (int i = 1; i < fields.length; i++) {
			total += Long.parseLong(fields[i]);
		}
		return new long[] { total, Long.parseLong(fields[4]) + Long.parseLong(fields[5]) };
	}

	/**
	 * Without a configuration Logback logs at DEBUG, and SubEthaSMTP logs every command and
	 * reply at DEBUG: the baseline would measure logging.
	 */
	private static void quietLogging() {
		if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
			root.setLevel(ch.qos.logback.classic.Level.WARN);
		}
	}

	private static InetSocketAddress loopback(String host, int port) throws IOException {
		InetAddress address = InetAddress.getByName(host);
		if (!address.isLoopbackAddress()) {
			throw new IllegalArgumentException("This benchmark only talks to loopback addresses, not " + host);
		}
		return new InetSocketAddress(address, port);
	}

	private static Result measure(String name, InetSocketAddress address, Options options) throws Exception {
		if (options.warmup() > 0) {
			run(address, options, options.warmup());
		}
		Result result = run(address, options, options.messages());
		System.out.printf("%s %s:%d: %d of %d messages (%d bytes) accepted over %d connections in %.2f s:"
				+ " %.1f msg/s (%d refused, %d failed connections)%n", name, address.getHostString(),
				address.getPort(), result.accepted(), options.messages(), options.size(), options.connections(),
				result.elapsed().toNanos() / 1e9, result.rate(), result.refused(), result.failedConnections());
		return result;
	}

	private static Result run(InetSocketAddress address, Options options, int messages) throws Exception {
		AtomicInteger tickets = new AtomicInteger(messages);
		AtomicLong accepted = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		long deadline = System.nanoTime() + Duration.ofSeconds(options.maxSeconds()).toNanos();
		String runId = UUID.randomUUID().toString();
		ExecutorService executor = Executors.newFixedThreadPool(options.connections());
		long started = System.nanoTime();
		List<Future<?>> connections = new ArrayList<>();
		for (int i = 0; i < options.connections(); i++) {
			connections.add(executor.submit(() -> {
				new Connection(address, options, runId).send(tickets, deadline, accepted, refused);
				return null;
			}));
		}
		int failedConnections = 0;
		for (Future<?> connection : connections) {
			try {
				connection.get();
			}
			catch (Exception ex) {
				failedConnections++;
				System.err.println("Connection failed: " + ex.getCause());
			}
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		executor.shutdown();
		return new Result(accepted.get(), refused.get(), failedConnections, elapsed);
	}

	/** One client connection sending messages until the tickets or the time run out. */
	private static final class Connection {

		private final InetSocketAddress address;

		private final Options options;

		private final String runId;

		private InputStream in;

		private OutputStream out;

		Connection(InetSocketAddress address, Options options, String runId) {
			this.address = address;
			this.options = options;
			this.runId = runId;
		}

		void send(AtomicInteger tickets, long deadline, AtomicLong accepted, AtomicLong refused) throws IOException {
			try (Socket socket = new Socket()) {
				socket.connect(this.address, 10_000);
				socket.setSoTimeout(30_000);
				socket.setTcpNoDelay(true);
				this.in = new BufferedInputStream(socket.getInputStream());
				this.out = new BufferedOutputStream(socket.getOutputStream());
				expect(reply(), "220");
				command("EHLO bench.client", "250");
				boolean first = true;
				int ticket;
				while (System.nanoTime() - deadline < 0 && (ticket = tickets.getAndDecrement()) > 0) {
					if (!first) {
						command("RSET", "250");
					}
					first = false;
					if (sendOne(ticket)) {
						accepted.incrementAndGet();
					}
					else {
						refused.incrementAndGet();
					}
				}
				command("QUIT", "221");
			}
		}

		private boolean sendOne(int ticket) throws IOException {
			command("MAIL FROM:<bench@bench.mailtrail.test>", "250");
			if (!command("RCPT TO:<" + this.options.rcpt() + ">").startsWith("250")) {
				return false;
			}
			command("DATA", "354");
			this.out.write(message(ticket));
			this.out.flush();
			return reply().startsWith("250");
		}

		private byte[] message(int ticket) {
			StringBuilder message = new StringBuilder(this.options.size() + 512);
			message.append("From: Bench <bench@bench.mailtrail.test>\r\n")
				.append("To: Customer <customer@bench.mailtrail.test>\r\n")
				.append("Subject: Benchmark message ")
				.append(ticket)
				.append("\r\n")
				.append("Message-ID: <")
				.append(this.runId)
				.append('.')
				.append(ticket)
				.append("@bench.mailtrail.test>\r\n\r\n");
			String body = BODIES.get(ticket % BODIES.size());
			int end = body.lastIndexOf("\r\n", Math.max(0, this.options.size() - message.length()));
			message.append(body, 0, Math.max(0, end)).append("\r\n.\r\n");
			return message.toString().getBytes(StandardCharsets.US_ASCII);
		}

		private String command(String line) throws IOException {
			this.out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
			this.out.flush();
			return reply();
		}

		private void command(String line, String expectedCode) throws IOException {
			expect(command(line), expectedCode);
		}

		private static void expect(String reply, String expectedCode) throws IOException {
			if (!reply.startsWith(expectedCode)) {
				throw new IOException("Expected " + expectedCode + " but the server said: " + reply);
			}
		}

		/** The last line of a reply. */
		private String reply() throws IOException {
			while (true) {
				String line = readLine();
				if (line.length() < 4 || line.charAt(3) != '-') {
					return line;
				}
			}
		}

		private String readLine() throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream(128);
			int b;
			while ((b = this.in.read()) != '\n') {
				if (b == -1) {
					throw new IOException("The server closed the connection");
				}
				if (b != '\r') {
					line.write(b);
				}
			}
			return line.toString(StandardCharsets.US_ASCII);
		}

	}

	/**
	 * Prose-like bodies of words drawn at random from a small vocabulary: they compress about as well as real mail
	 * (a repeated line would compress twenty-fold and flatter the database's part). Built once, before measuring.
	 */
	private static final List<String> BODIES = bodies(64, 64 * 1024);

	private static List<String> bodies(int count, int length) {
		String[] words = ("the a to of and in for on with your our we you this that proposal deal contract price "
				+ "quote renewal meeting call next week monday tuesday friday thanks regards please let me know if "
				+ "have any questions about team update attached draft review signed budget approval discount "
				+ "license seats annual plan onboarding timeline kickoff demo follow up after customer account "
				+ "manager invoice payment terms net thirty days legal procurement security questionnaire").split(" ");
		java.util.Random random = new java.util.Random(20261204);
		List<String> bodies = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			StringBuilder body = new StringBuilder(length + 100);
			int lineStart = 0;
			while (body.length() < length) {
				String word = words[random.nextInt(words.length)];
				if (body.length() - lineStart + word.length() > 76) {
					body.append(random.nextInt(6) == 0 ? ".\r\n" : "\r\n");
					lineStart = body.length();
				}
				else if (body.length() > lineStart) {
					body.append(' ');
				}
				body.append(word);
				if (random.nextInt(40) == 0) {
					body.append(' ').append(random.nextInt(100_000));
				}
			}
			bodies.add(body.toString());
		}
		return bodies;
	}

	/** The baseline's handler: reads the data, keeps nothing. */
	private static final class DiscardingHandler implements MessageHandler {

		DiscardingHandler(MessageContext context) {
		}

		@Override
		public void from(String from) {
		}

		@Override
		public void recipient(String recipient) {
		}

		@Override
		public String data(InputStream data) throws IOException {
			byte[] buffer = new byte[8192];
			while (data.read(buffer) != -1) {
				// discard
			}
			return null;
		}

		@Override
		public void done() {
		}

	}

	private record Result(long accepted, long refused, int failedConnections, Duration elapsed) {

		double rate() {
			return this.accepted / (this.elapsed.toNanos() / 1e9);
		}

	}

	private record Options(String host, Integer port, String rcpt, int messages, int connections, int size,
			int warmup, int maxSeconds, int rounds, boolean withDiscardBaseline) {

		static Options parse(String[] args) {
			Map<String, String> values = new HashMap<>();
			boolean baseline = false;
			for (int i = 0; i < args.length; i++) {
				if (args[i].equals("--with-discard-baseline")) {
					baseline = true;
				}
				else if (args[i].startsWith("--") && i + 1 < args.length) {
					values.put(args[i].substring(2), args[++i]);
				}
				else {
					throw new IllegalArgumentException("Unknown argument " + args[i]);
				}
			}
			Integer port = values.containsKey("port") ? Integer.valueOf(values.get("port")) : null;
			String rcpt = values.getOrDefault("rcpt", "bench@discard.baseline");
			if (port != null && !values.containsKey("rcpt")) {
				throw new IllegalArgumentException("--rcpt is required with --port");
			}
			return new Options(values.getOrDefault("host", "127.0.0.1"), port, rcpt,
					bounded(values, "messages", 2000, 1, 1_000_000), bounded(values, "connections", 8, 1, 64),
					bounded(values, "size", 10_240, 0, 10_000_000), bounded(values, "warmup", 200, 0, 100_000),
					bounded(values, "max-seconds", 300, 1, 3600), bounded(values, "rounds", 1, 1, 100), baseline);
		}

		private static int bounded(Map<String, String> values, String name, int defaultValue, int min, int max) {
			int value = Integer.parseInt(values.getOrDefault(name, String.valueOf(defaultValue)));
			if (value < min || value > max) {
				throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max);
			}
			return value;
		}

	}

}
