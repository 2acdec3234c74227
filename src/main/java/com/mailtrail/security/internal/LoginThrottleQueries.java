package com.mailtrail.security.internal;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per login address. From the fifth failure in a row the address is locked for a minute,
 * doubling with each further failure up to fifteen minutes; a successful sign-in clears the count. Kept in the
 * database so that every instance behind a load balancer applies the same count.
 */
@Component
class LoginThrottleQueries {

	static final int FREE_ATTEMPTS = 5;

	private final JdbcClient jdbc;

	LoginThrottleQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean isLocked(String login) {
		return this.jdbc.sql("select count(*) from login_throttle where login = :login and locked_until > now()")
			.param("login", normalise(login))
			.query(Integer.class)
			.single() > 0;
	}

	void failed(String login) {
		this.jdbc.sql("""
				insert into login_throttle (login, failures, updated_at) values (:login, 1, now())
				on conflict (login) do update set failures = login_throttle.failures + 1, updated_at = now(),
				    locked_until = case when login_throttle.failures + 1 >= :free
				        then now() + least(interval '15 minutes',
				                           interval '1 minute' * power(2, login_throttle.failures + 1 - :free))
				        else login_throttle.locked_until end
				""").param("login", normalise(login)).param("free", FREE_ATTEMPTS).update();
	}

	void succeeded(String login) {
		this.jdbc.sql("delete from login_throttle where login = :login").param("login", normalise(login)).update();
	}

	private static String normalise(String login) {
		String value = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
		return value.length() > 320 ? value.substring(0, 320) : value;
	}

}
