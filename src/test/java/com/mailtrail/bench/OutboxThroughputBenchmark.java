package com.mailtrail.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.mailtrail.MailtrailApplication;
import com.mailtrail.mail.outbound.OutgoingDraft;
import com.mailtrail.mail.outbound.OutgoingDraft.Recipient;
import com.mailtrail.mail.outbound.OutgoingMail;
import com.mailtrail.mail.outbound.SmtpAccountSettings;
import com.mailtrail.mail.outbound.SmtpAccounts;
import com.mailtrail.mail.outbound.SmtpSecurity;
import com.mailtrail.security.Role;
import com.mailtrail.security.UserAdministration;
import com.mailtrail.tenancy.TenantContext;
import com.mailtrail.tenancy.TenantId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outbox throughput with tracking off: fills the outbox of a fresh embedded PostgreSQL with N emails of several
 * users (the app running with no sender), then starts the app again with its senders and a local SMTP sink that
 * discards what it receives, and measures from the first message the sink received to the last. The second start
 * is also a restart with a full outbox: every queued email must be sent exactly once.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
 * java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
 *   com.mailtrail.bench.OutboxThroughputBenchmark [messages=5000] [workers=4] [users=4]
 * </pre>
 */
public final class OutboxThroughputBenchmark {

	private OutboxThroughputBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int messages = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		int workers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
		int userCount = args.length > 2 ? Integer.parseInt(args[2]) : 4;
		Path dir = Files.createTempDirectory("outbox-bench");
		Sink sink = new Sink();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir).start()) {
			String url = postgres.getJdbcUrl("postgres", "postgres");
			TenantId tenant;
			List<UUID> users = new ArrayList<>();
			try (ConfigurableApplicationContext app = start(url, dir, 0)) {
				UserAdministration administration = app.getBean(UserAdministration.class);
				SmtpAccounts accounts = app.getBean(SmtpAccounts.class);
				OutgoingMail outgoing = app.getBean(OutgoingMail.class);
				tenant = administration.signUp("Bench Inc", "Bench Admin", "admin@outbox-bench.test", "bench-password-1");
				TenantContext.runAs(tenant, () -> {
					for (int i = 0; i < userCount; i++) {
						UUID user = administration.createUser("Sender " + i, "sender" + i + "@outbox-bench.test",
								"bench-password-1", Role.USER).id();
						accounts.save(user, new SmtpAccountSettings("127.0.0.1", sink.port(), SmtpSecurity.NONE, null,
								null, "Sender " + i, "sender" + i + "@outbox-bench.test"));
						users.add(user);
					}
				});
				String body = "<p>Hello,</p>" + "<p>Here is the update on the renewal we discussed. ".repeat(20) + "</p>";
				long started = System.nanoTime();
				TenantContext.runAs(tenant, () -> {
					for (int i = 0; i < messages; i++) {
						UUID owner = users.get(i % users.size());
						outgoing.submit(new OutgoingDraft(owner, List.of(new Recipient("Customer " + i,
								"customer" + i + "@example.com")), List.of(), List.of(), "Renewal update " + i, body,
								false, List.of(), null, null, null, null));
					}
				});
				double seconds = (System.nanoTime() - started) / 1e9;
				System.out.printf("queued %d emails (stored, linked, outbox entry) in %.1f s: %.0f per second%n",
						messages, seconds, messages / seconds);
			}

			JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			try (ConfigurableApplicationContext app = start(url, dir, workers)) {
				Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
				while (sent(jdbc) < messages && Instant.now().isBefore(deadline)) {
					Thread.sleep(100);
				}
			}
			long sentCount = sent(jdbc);
			double seconds = (sink.last.get() - sink.first.get()) / 1e9;
			System.out.printf("sent %d of %d through %d workers for %d accounts; the sink received %d messages "
					+ "in %.2f s (first to last): %.0f messages per second%n", sentCount, messages, workers,
					userCount, sink.count.get(), seconds, (sink.count.get() - 1) / seconds);
			if (sink.count.get() != messages || sentCount != messages) {
				System.out.println("MISMATCH: every queued email must be sent exactly once");
				System.exit(1);
			}
		}
		finally {
			sink.close();
		}
	}

	private static long sent(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from outbox_entry where status = 'SENT'").query(Long.class).single();
	}

	// Command-line arguments, because they outrank application.yml's environment defaults.
	private static ConfigurableApplicationContext start(String url, Path dir, int workers) {
		return new SpringApplicationBuilder(MailtrailApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--mailtrail.smtp.port=0",
				"--mailtrail.demo.enabled=false", "--mailtrail.mail.processing-workers=0",
				"--mailtrail.outbound.workers=" + workers, "--mailtrail.outbound.batch-size=50",
				"--mailtrail.outbound.allow-private-networks=true",
				"--mailtrail.platform.secret=benchmark-secret-benchmark-secret-0123456789",
				"--mailtrail.platform.data-dir=" + dir, "--spring.main.banner-mode=off", "--logging.level.root=warn");
	}

	/** A loopback SMTP server that reads every message and throws it away, noting when the first and last came. */
	static final class Sink implements AutoCloseable {

		final AtomicLong count = new AtomicLong();

		final AtomicLong first = new AtomicLong();

		final AtomicLong last = new AtomicLong();

		private final SMTPServer server;

		Sink() throws IOException {
			this.server = SMTPServer.port(0)
				.bindAddress(InetAddress.getByName("127.0.0.1"))
				.maxConnections(64)
				.messageHandlerFactory(context -> new MessageHandler() {
					@Override
					public void from(String from) {
					}

					@Override
					public void recipient(String recipient) {
					}

					@Override
					public String data(InputStream data) throws IOException {
						data.transferTo(java.io.OutputStream.nullOutputStream());
						long now = System.nanoTime();
						Sink.this.first.compareAndSet(0, now);
						Sink.this.last.set(now);
						Sink.this.count.incrementAndGet();
						return null;
					}

					@Override
					public void done() {
					}
				})
				.build();
			this.server.start();
		}

		int port() {
			return this.server.getPortAllocated();
		}

		@Override
		public void close() {
			this.server.stop();
		}

	}

}
