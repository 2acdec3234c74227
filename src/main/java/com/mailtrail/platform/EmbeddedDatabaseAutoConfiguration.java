package com.mailtrail.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The embedded default: when no {@code spring.datasource.url} is configured, start real PostgreSQL binaries with
 * their data under {@code MAILTRAIL_DATA_DIR}, so that a JDK is all a newcomer needs and restarts keep the data.
 * Backs off as soon as a URL, a {@link DataSource} or connection details (Testcontainers) are present.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnProperty(name = "spring.datasource.url", havingValue = "embedded", matchIfMissing = true)
@ConditionalOnMissingBean({ DataSource.class, JdbcConnectionDetails.class })
public class EmbeddedDatabaseAutoConfiguration {

	static final String DATABASE = "mailtrail";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(Environment environment) throws IOException {
		Path dataDir = Path.of(environment.getProperty("mailtrail.platform.data-dir", "data"));
		Path pgData = dataDir.resolve("postgres").toAbsolutePath();
		Files.createDirectories(pgData);
		log.info("Starting embedded PostgreSQL with its data in {}", pgData);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			// The binaries' defaults are made for throw-away test databases (no fsync, asynchronous commit). Here
			// the data is real: SMTP answers 250 only after a commit, and a commit must survive a crash.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			// Random reads cost about what sequential ones do on SSDs and in memory; PostgreSQL's default of 4 dates
			// from spinning disks and steers the visibility query away from its indexes.
			.setServerConfig("random_page_cost", "1.1")
			.start();
		createDatabaseIfMissing(postgres);
		return postgres;
	}

	@Bean
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("mailtrail-embedded");
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database " + DATABASE + " encoding 'UTF8'");
		}
		catch (SQLException ex) {
			throw new IOException("Could not create the embedded database", ex);
		}
	}

}
