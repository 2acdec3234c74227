package com.mailtrail.security.internal;

import java.util.Optional;
import java.util.UUID;

import com.mailtrail.security.CurrentUser;
import com.mailtrail.security.Role;
import com.mailtrail.tenancy.TenantId;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deliberate cross-tenant reads of authentication: before login no tenant is known, so a login address or a
 * token hash is what finds the user and, with it, the tenant to bind.
 */
@Component
class LoginQueries {

	private static final RowMapper<CurrentUser> CURRENT_USER = (rs, n) -> new CurrentUser(
			rs.getObject("id", UUID.class), TenantId.of(rs.getObject("tenant_id", UUID.class)), rs.getString("email"),
			rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getBoolean("active"),
			rs.getString("password_hash"));

	private final JdbcClient jdbc;

	LoginQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CurrentUser> findByLoginEmail(String email) {
		return this.jdbc.sql("""
				select id, tenant_id, email, display_name, role, active, password_hash
				from user_account where lower(email) = lower(:email)
				""").param("email", email.trim()).query(CURRENT_USER).optional();
	}

	/** The token's user, only while both the token exists and the user is active. */
	Optional<CurrentUser> findActiveByTokenHash(String tokenHash) {
		Optional<CurrentUser> user = this.jdbc.sql("""
				select u.id, u.tenant_id, u.email, u.display_name, u.role, u.active, '' as password_hash
				from api_token t join user_account u on u.id = t.user_id and u.tenant_id = t.tenant_id
				where t.token_hash = :hash and u.active
				""").param("hash", tokenHash).query(CURRENT_USER).optional();
		user.ifPresent(u -> this.jdbc.sql("update api_token set last_used_at = now() where token_hash = :hash")
			.param("hash", tokenHash)
			.update());
		return user;
	}

	boolean isActive(UUID userId, TenantId tenantId) {
		return this.jdbc.sql("select active from user_account where id = :id and tenant_id = :tenant")
			.param("id", userId)
			.param("tenant", tenantId.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

}
