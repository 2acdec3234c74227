package com.mailtrail.mail.inbound;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

	record Row(InboundEnvelope envelope, RawMessageCodec.Encoded raw) {
	}

	/**
	 * Stores the messages, once per recipient, in ONE statement: in autocommit it is atomic by itself, and it costs
	 * no transaction set-up on the hot path of SMTP intake.
	 */
	void insert(List<Row> messages) {
		StringBuilder sql = new StringBuilder("""
				insert into inbound_message (id, tenant_id, user_id, smtp_session, envelope_from, remote_address,
				                             received_at, raw, raw_encoding, raw_size) values """);
		List<Object> values = new ArrayList<>();
		for (Row message : messages) {
			InboundEnvelope envelope = message.envelope();
			RawMessageCodec.Encoded raw = message.raw();
			for (RecipientRoute route : envelope.recipients()) {
				sql.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
				values.addAll(Arrays.asList(UUID.randomUUID(), route.tenantId(), route.userId(), envelope.sessionId(),
						envelope.mailFrom(), envelope.remoteAddress(), Timestamp.from(envelope.receivedAt()),
						raw.bytes(), raw.encoding().name(), raw.originalSize()));
			}
		}
		this.jdbc.sql(sql.toString()).params(values).update();
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
		return this.jdbc.sql("""
				select raw, raw_encoding, raw_size, envelope_from, received_at from inbound_message
				where id = :id and tenant_id = :tenant""")
			.param("id", id)
			.param("tenant", tenant.value())
			.query((rs, n) -> new Raw(
					RawMessageCodec.decode(rs.getBytes("raw"), rs.getString("raw_encoding"), rs.getInt("raw_size")),
					rs.getString("envelope_from"), rs.getTimestamp("received_at").toInstant()))
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

	record Status(UUID id, String status, UUID emailId, int attempts, String lastError) {
	}

	/** The user's messages of one SMTP session, as "stored as <session>" in the 250 reply names it. */
	List<Status> statusOf(TenantId tenant, UUID userId, String smtpSession) {
		return this.jdbc.sql("""
				select id, status, email_id, attempts, last_error from inbound_message
				where tenant_id = :tenant and user_id = :user and smtp_session = :session
				order by received_at
				""")
			.param("tenant", tenant.value())
			.param("user", userId)
			.param("session", smtpSession)
			.query((rs, n) -> new Status(rs.getObject("id", UUID.class), rs.getString("status"),
					rs.getObject("email_id", UUID.class), rs.getInt("attempts"), rs.getString("last_error")))
			.list();
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
