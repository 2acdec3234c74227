package com.mailtrail.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Login addresses are unique across all tenants, so this check has to look beyond the current one; it answers only
 * yes or no.
 */
@Component
class LoginAddressQueries {

	private final JdbcClient jdbc;

	LoginAddressQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void requireUnused(String email) {
		if (isTaken(email)) {
			throw new EmailAlreadyInUseException(email);
		}
	}

	boolean isTaken(String email) {
		return this.jdbc.sql("select count(*) from user_account where lower(email) = lower(:email)")
			.param("email", email.trim())
			.query(Integer.class)
			.single() > 0;
	}

}
