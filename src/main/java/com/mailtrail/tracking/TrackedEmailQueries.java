package com.mailtrail.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.mailtrail.tenancy.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tracked emails and their links. Writes take the tenant explicitly; the token lookups are the deliberate exception
 * to tenant scoping: they serve the unauthenticated /t/ endpoints, and they are what tells the tenant.
 */
@Component
class TrackedEmailQueries {

	private final JdbcClient jdbc;

	TrackedEmailQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Registers the email as tracked (once) and returns the id of its open token. */
	@Transactional
	byte[] track(TenantId tenant, UUID emailId, UUID ownerId, String subject, String recipients, byte[] newTokenId) {
		this.jdbc.sql("""
				insert into tracked_email (email_id, tenant_id, owner_id, subject, recipients, token_id)
				values (:email, :tenant, :owner, :subject, :recipients, :token)
				on conflict (email_id) do nothing""")
			.param("email", emailId)
			.param("tenant", tenant.value())
			.param("owner", ownerId)
			.param("subject", truncate(subject, 2000))
			.param("recipients", truncate(recipients, 2000))
			.param("token", newTokenId)
			.update();
		return this.jdbc.sql("select token_id from tracked_email where email_id = :email and tenant_id = :tenant")
			.param("email", emailId)
			.param("tenant", tenant.value())
			.query(byte[].class)
			.single();
	}

	/** The email's links already rewritten, by position and URL, with their token ids. */
	@Transactional(readOnly = true)
	Map<LinkKey, byte[]> links(TenantId tenant, UUID emailId) {
		Map<LinkKey, byte[]> links = new HashMap<>();
		this.jdbc.sql("select position, url, token_id from tracked_link where tenant_id = :tenant and email_id = :email")
			.param("tenant", tenant.value())
			.param("email", emailId)
			.query((rs, n) -> links.put(new LinkKey(rs.getInt("position"), rs.getString("url")),
					rs.getBytes("token_id")))
			.list();
		return links;
	}

	/** Adds a link, or finds it when a concurrent or earlier send added the same one; returns its token id. */
	@Transactional
	byte[] addLink(TenantId tenant, UUID emailId, int position, String url, byte[] newTokenId) {
		this.jdbc.sql("""
				insert into tracked_link (id, tenant_id, email_id, position, url, token_id)
				values (:id, :tenant, :email, :position, :url, :token)
				on conflict (tenant_id, email_id, position, url) do nothing""")
			.param("id", UUID.randomUUID())
			.param("tenant", tenant.value())
			.param("email", emailId)
			.param("position", position)
			.param("url", url)
			.param("token", newTokenId)
			.update();
		return this.jdbc.sql("""
				select token_id from tracked_link
				where tenant_id = :tenant and email_id = :email and position = :position and url = :url""")
			.param("tenant", tenant.value())
			.param("email", emailId)
			.param("position", position)
			.param("url", url)
			.query(byte[].class)
			.single();
	}

	/** What an open token stands for; tenant-agnostic by design (see the class comment). */
	Optional<Target> openTarget(byte[] tokenId) {
		return this.jdbc.sql("""
				select tenant_id, email_id, owner_id, created_at, subject, recipients, null as link_id, null as url
				from tracked_email where token_id = :token""")
			.param("token", tokenId)
			.query(TrackedEmailQueries::target)
			.optional();
	}

	/** What a click token stands for; tenant-agnostic by design (see the class comment). */
	Optional<Target> clickTarget(byte[] tokenId) {
		return this.jdbc.sql("""
				select e.tenant_id, e.email_id, e.owner_id, e.created_at, e.subject, e.recipients, l.id as link_id, l.url
				from tracked_link l join tracked_email e on e.email_id = l.email_id and e.tenant_id = l.tenant_id
				where l.token_id = :token""")
			.param("token", tokenId)
			.query(TrackedEmailQueries::target)
			.optional();
	}

	private static Target target(ResultSet rs, int row) throws SQLException {
		return new Target(TenantId.of(rs.getObject("tenant_id", UUID.class)), rs.getObject("email_id", UUID.class),
				rs.getObject("owner_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
				rs.getString("subject"), rs.getString("recipients"), rs.getObject("link_id", UUID.class),
				rs.getString("url"));
	}

	static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	record LinkKey(int position, String url) {
	}

	/**
	 * A tracked email, or one of its links.
	 *
	 * @param sentAt when the email was rewritten for sending
	 * @param linkId the link for a click token, null for an open token
	 */
	record Target(TenantId tenant, UUID emailId, UUID ownerId, Instant sentAt, String subject, String recipients,
			UUID linkId, String url) {
	}

}
