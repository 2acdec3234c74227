package com.mailtrail.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.mailtrail.MailtrailApplication;
import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.RecordType;
import com.mailtrail.mail.VisibleEmails;
import com.mailtrail.tenancy.TenantContext;
import com.mailtrail.tenancy.TenantId;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the one visibility query answers on a big company: generates 200 users, 100,000 contacts, 50,000 deals
 * and 1,000,000 emails with links, follows, shares and mixed policies (bench/sharing-data.sql) into a fresh
 * embedded PostgreSQL, then times, through the application's own repository, the first page (50 rows, with its
 * total count) of a user's visible emails and a deal's timeline; then PostgreSQL's auto_explain prints their plans.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
 * java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" com.mailtrail.bench.SharingQueryBenchmark [runs]
 * </pre>
 */
public final class SharingQueryBenchmark {

	private SharingQueryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
		// A second argument keeps the generated database in that directory and reuses it on the next run.
		Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("sharing-bench");
		boolean reuse = Files.exists(dir.resolve("PG_VERSION"));
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(args.length < 2)
			.setServerConfig("shared_buffers", "1GB")
			.setServerConfig("work_mem", "64MB")
			.setServerConfig("random_page_cost", "1.1")
			.setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
			.start()) {
			String url = postgres.getJdbcUrl("postgres", "postgres");
			JdbcClient.create(postgres.getPostgresDatabase()).sql("alter system reset all").update();
			JdbcClient.create(postgres.getPostgresDatabase()).sql("select pg_reload_conf()").query().singleRow();
			int migrated = Flyway.configure()
				.dataSource(postgres.getPostgresDatabase())
				.locations("classpath:db/migration")
				.load()
				.migrate().migrationsExecuted;
			JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			if (reuse && migrated > 0) {
				// New migrations rewrote rows of the kept database: the steady state autovacuum would soon reach.
				jdbc.sql("vacuum analyze").update();
			}
			UUID tenant;
			if (reuse) {
				tenant = jdbc.sql("select id from tenant where name = 'Sharing benchmark'").query(UUID.class).single();
			}
			else {
				tenant = UUID.randomUUID();
				long started = System.nanoTime();
				generate(postgres, tenant);
				System.out.printf("generated in %.0f s%n", (System.nanoTime() - started) / 1e9);
			}
			// Ten different viewers in turn, each with their own follows, shares and policies.
			List<UUID> viewers = jdbc.sql("select id from user_account where tenant_id = ? order by email limit 10")
				.param(tenant).query(UUID.class).list();
			UUID viewer = viewers.get(0);
			UUID deal = jdbc.sql("select record_id from email_link where record_type = 'DEAL' limit 1").query(UUID.class).single();

			// Command-line arguments, because they outrank application.yml's environment defaults.
			var context = new SpringApplicationBuilder(MailtrailApplication.class)
				.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
						"--mailtrail.smtp.port=0", "--mailtrail.demo.enabled=false",
						"--mailtrail.mail.processing-workers=0",
						"--mailtrail.platform.secret=benchmark-secret-benchmark-secret-0123456789",
						"--mailtrail.platform.data-dir=" + dir, "--spring.main.banner-mode=off",
						"--logging.level.root=warn");
			try (context) {
				EmailRepository emails = context.getBean(EmailRepository.class);
				VisibleEmails visible = context.getBean(VisibleEmails.class);
				TenantId tenantId = TenantId.of(tenant);
				// The email page's order (EmailController.NEWEST_FIRST).
				var firstPage = PageRequest.of(0, 50,
						Sort.by(Sort.Order.desc("sentAt").nullsLast(), Sort.Order.desc("createdAt")));
				int[] turn = new int[1];
				List<Long> totals = new ArrayList<>();
				report("first page of visible emails, with count", runs, () -> TenantContext.callAs(tenantId, () -> {
					UUID next = viewers.get(turn[0]++ % viewers.size());
					long total = visible.search("%%", null, "all", next, firstPage).getTotalElements();
					if (totals.size() < viewers.size()) {
						totals.add(total);
					}
					return null;
				}));
				System.out.println("  visible to each of the ten users (of 1,000,000): " + totals);
				report("deal timeline", runs, () -> TenantContext.callAs(tenantId,
						() -> emails.findVisibleLinkedTo(RecordType.DEAL, deal, viewers.get(turn[0]++ % viewers.size()))));

				// Once more with auto_explain, so that the plans PostgreSQL chose are printed with their timings.
				jdbc.sql("alter system set session_preload_libraries = 'auto_explain'").update();
				jdbc.sql("alter system set auto_explain.log_min_duration = 0").update();
				jdbc.sql("alter system set auto_explain.log_analyze = on").update();
				jdbc.sql("alter system set auto_explain.log_buffers = on").update();
				jdbc.sql("select pg_reload_conf()").query().singleRow();
				context.getBean(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
				System.out.println("EXPLAIN ANALYZE of the first page, its count and the deal timeline follow (PostgreSQL's log):");
				TenantContext.callAs(tenantId, () -> visible.search("%%", null, "all", viewer, firstPage));
				TenantContext.callAs(tenantId, () -> emails.findVisibleLinkedTo(RecordType.DEAL, deal, viewer));
				Thread.sleep(500);
			}
		}
	}

	private static void generate(EmbeddedPostgres postgres, UUID tenant) throws Exception {
		String script;
		try (var in = SharingQueryBenchmark.class.getResourceAsStream("/bench/sharing-data.sql")) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(":tenant", tenant.toString());
		}
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : script.split(";\\s*\\n")) {
				String trimmed = sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
				if (!trimmed.isEmpty()) {
					statement.execute(trimmed);
				}
			}
		}
	}

	private static void report(String name, int runs, Supplier<?> query) {
		// Enough rounds for the JIT to compile the query's whole path (Hibernate's hydration included): steady state,
		// as a running app serves it, is what is measured.
		for (int i = 0; i < 50; i++) {
			query.get();
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			query.get();
			millis.add((System.nanoTime() - started) / 1e6);
		}
		Collections.sort(millis);
		System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d runs%n", name,
				millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
				millis.get(millis.size() - 1), runs);
	}

}
