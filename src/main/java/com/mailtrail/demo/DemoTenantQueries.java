package com.mailtrail.demo;

import java.util.Optional;

import com.mailtrail.tenancy.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds the demo company again after a restart: the company of its admin's login (logins are unique). */
@Component
class DemoTenantQueries {

	private final JdbcClient jdbc;

	DemoTenantQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<TenantId> tenantOfLogin(String email) {
		return this.jdbc.sql("select tenant_id from user_account where lower(email) = lower(:email)")
			.param("email", email)
			.query(java.util.UUID.class)
			.optional()
			.map(TenantId::of);
	}

}
