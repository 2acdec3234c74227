package com.mailtrail.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL server for the whole test JVM, started on first use. Test classes share its database the
 * way they share a cached Spring context; each test makes its own tenants, so they do not see each other's data.
 */
public final class SharedEmbeddedPostgres {

	private static EmbeddedPostgres server;

	private static HikariDataSource dataSource;

	private SharedEmbeddedPostgres() {
	}

	public static synchronized DataSource dataSource() {
		if (dataSource == null) {
			dataSource = newDataSource(createDatabase("mailtrail"));
		}
		return dataSource;
	}

	/** A new, empty database on the same server, e.g. to run the migrations from scratch. */
	public static synchronized String createDatabase(String name) {
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name + " encoding 'UTF8'");
			return server().getJdbcUrl("postgres", name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
	}

	private static EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start embedded PostgreSQL for the tests", ex);
			}
		}
		return server;
	}

	private static HikariDataSource newDataSource(String jdbcUrl) {
		HikariDataSource ds = new HikariDataSource();
		ds.setJdbcUrl(jdbcUrl);
		ds.setUsername("postgres");
		ds.setMaximumPoolSize(20);
		ds.setPoolName("test-embedded");
		return ds;
	}

}
