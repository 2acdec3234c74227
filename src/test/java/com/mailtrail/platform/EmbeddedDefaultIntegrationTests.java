package com.mailtrail.platform;

import java.nio.file.Path;

import com.mailtrail.MailtrailApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README promises: with no database configured, Mailtrail starts its own PostgreSQL under the data
 * directory, creates the demo tenant, and finds everything again after a restart.
 */
class EmbeddedDefaultIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	void startsItsOwnPostgresCreatesTheDemoTenantAndKeepsDataAcrossRestarts() {
		try (var first = start()) {
			JdbcClient jdbc = JdbcClient.create(first.getBean(javax.sql.DataSource.class));
			assertThat(jdbc.sql("select count(*) from tenant where name = 'Acme Inc'").query(Long.class).single())
				.isEqualTo(1);
			jdbc.sql("update deal set title = 'Renamed before restart' where title = 'Initech pilot'").update();
		}
		try (var second = start()) {
			JdbcClient jdbc = JdbcClient.create(second.getBean(javax.sql.DataSource.class));
			assertThat(jdbc.sql("select count(*) from tenant where name = 'Acme Inc'").query(Long.class).single())
				.as("the demo tenant is created once")
				.isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from deal where title = 'Renamed before restart'")
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplication(MailtrailApplication.class).run("--server.port=0",
				"--mailtrail.platform.data-dir=" + this.dataDir, "--mailtrail.smtp.port=0",
				"--spring.main.banner-mode=off");
	}

}
