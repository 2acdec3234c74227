package com.mailtrail.mail;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.tenancy.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Smart BCC routing table: token to tenant and user. It is tenant-agnostic because the SMTP listener must find
 * the tenant from the address alone; every write names the tenant explicitly.
 */
@Component
class SmartBccRouteQueries {

	/** What RCPT TO needs to know about an address's owner, found without a bound tenant. */
	record Route(TenantId tenantId, UUID userId, boolean strictForwarding, Set<String> ownAddresses) {
	}

	private final JdbcClient jdbc;

	SmartBccRouteQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The route of an active user's current token; a regenerated or deactivated one is gone. */
	Optional<Route> findActive(String token) {
		return this.jdbc.sql("""
				select r.tenant_id, r.user_id, coalesce(p.strict_forwarding, false) as strict, lower(u.email) as email,
				       (select string_agg(lower(s.email), ',') from user_secondary_email s
				        where s.user_id = u.id and s.tenant_id = u.tenant_id) as secondary
				from smart_bcc_route r
				join user_account u on u.id = r.user_id and u.tenant_id = r.tenant_id
				left join mail_preference p on p.user_id = r.user_id and p.tenant_id = r.tenant_id
				where r.token = :token and u.active
				""").param("token", token).query((rs, n) -> {
			Set<String> addresses = new LinkedHashSet<>();
			addresses.add(rs.getString("email"));
			String secondary = rs.getString("secondary");
			if (secondary != null) {
				addresses.addAll(Arrays.asList(secondary.split(",")));
			}
			return new Route(TenantId.of(rs.getObject("tenant_id", UUID.class)), rs.getObject("user_id", UUID.class),
					rs.getBoolean("strict"), addresses);
		}).optional();
	}

	Optional<String> tokenOf(TenantId tenant, UUID userId) {
		return this.jdbc.sql("select token from smart_bcc_route where tenant_id = :tenant and user_id = :user")
			.param("tenant", tenant.value())
			.param("user", userId)
			.query(String.class)
			.optional();
	}

	/** Gives the user this token, replacing any earlier one, which stops working at once. */
	void replace(TenantId tenant, UUID userId, String token) {
		this.jdbc.sql("delete from smart_bcc_route where tenant_id = :tenant and user_id = :user")
			.param("tenant", tenant.value())
			.param("user", userId)
			.update();
		this.jdbc.sql("insert into smart_bcc_route (token, tenant_id, user_id) values (:token, :tenant, :user)")
			.param("token", token)
			.param("tenant", tenant.value())
			.param("user", userId)
			.update();
	}

}
