package com.mailtrail.mail.inbound;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.mailtrail.tenancy.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The raw-message table and its queue, in plain SQL: the SMTP store writes rows of several tenants in one
 * transaction, and the processing job claims rows before it knows their tenant. Every statement names the tenant
 * or works on rows it was handed by id.
 */
@Component
class InboundMessageQueries {

	record Claimed(UUID id, TenantId tenantId, UUID userId, int attempts) {
	}

	private final JdbcClient jdbc;

	InboundMessageQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, RecipientRoute route, InboundEnvelope envelope, byte[] raw) {
		this.jdbc.sql("""
				insert into inbound_message (id, tenant_id, user_id, smtp_session, envelope_from, remote_address,
				                             received_at, raw, raw_size)
				values (:id, :tenant, :user, :session, :from, :remote, :received, :raw, :size)
				""")
			.param("id", id)
			.param("tenant", route.tenantId())
			.param("user", route.userId())
			.param("session", envelope.sessionId())
			.param("from", envelope.mailFrom())
			.param("remote", envelope.remoteAddress())
			.param("received", Timestamp.from(envelope.receivedAt()))
			.param("raw", raw)
			.param("size", raw.length)
			.update();
	}

	/**
	 * Locks the next message due for processing; other instances skip it until this transaction ends. The lock is
	 * FOR NO KEY UPDATE so that the processing transaction can still insert the email that references the row.
	 */
	Optional<Claimed> claimNext() {
		return this.jdbc.sql("""
				select id, tenant_id, user_id, attempts from inbound_message
				where status = 'RECEIVED' and next_attempt_at <= now()
				order by next_attempt_at
				limit 1
				for no key update skip locked
				""")
			.query((rs, n) -> new Claimed(rs.getObject("id", UUID.class),
					TenantId.of(rs.getObject("tenant_id", UUID.class)), rs.getObject("user_id", UUID.class),
					rs.getInt("attempts")))
			.optional();
	}

	record Raw(byte[] bytes, String envelopeFrom, Instant receivedAt) {
	}

	Raw raw(UUID id, TenantId tenant) {
		return this.jdbc.sql("select raw, envelope_from, received_at from inbound_message where id = :id and tenant_id = :tenant")
			.param("id", id)
			.param("tenant", tenant.value())
			.query((rs, n) -> new Raw(rs.getBytes("raw"), rs.getString("envelope_from"),
					rs.getTimestamp("received_at").toInstant()))
			.single();
	}

	void markProcessed(UUID id, UUID emailId) {
		this.jdbc.sql("update inbound_message set status = 'PROCESSED', email_id = :email, last_error = null where id = :id")
			.param("id", id)
			.param("email", emailId)
			.update();
	}

	void markForRetry(UUID id, int attempts, Instant next, String error) {
		this.jdbc.sql("""
				update inbound_message set attempts = :attempts, next_attempt_at = :next, last_error = :error
				where id = :id
				""")
			.param("id", id)
			.param("attempts", attempts)
			.param("next", Timestamp.from(next))
			.param("error", truncate(error))
			.update();
	}

	void markFailed(UUID id, int attempts, String error) {
		this.jdbc.sql("update inbound_message set status = 'FAILED', attempts = :attempts, last_error = :error where id = :id")
			.param("id", id)
			.param("attempts", attempts)
			.param("error", truncate(error))
			.update();
	}

	int pending() {
		return this.jdbc.sql("select count(*) from inbound_message where status = 'RECEIVED'")
			.query(Integer.class)
			.single();
	}

	private static String truncate(String error) {
		return error == null ? null : error.substring(0, Math.min(error.length(), 2000));
	}

}
