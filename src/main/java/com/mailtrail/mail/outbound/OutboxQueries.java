package com.mailtrail.mail.outbound;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.mailtrail.tenancy.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox in plain SQL. Claiming works across tenants (a sender does not know whose entry is due next); every
 * other statement works on an entry it was handed by id and, where a user acts, names the tenant and the owner.
 * Outcomes are recorded only by the sender holding the entry's current claim token, so a sender whose lease ran out
 * cannot overwrite what its successor recorded.
 */
@Component
class OutboxQueries {

	record Claimed(UUID id, TenantId tenantId, UUID emailId, UUID ownerId, int attempts, String inReplyTo,
			String referencesHeader, UUID token) {
	}

	record Delivery(String status, String detail, int attempts, Instant nextAttemptAt) {
	}

	private final JdbcClient jdbc;

	OutboxQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims up to {@code max} due entries: queued ones whose time has come, and entries whose sender's lease ran out
	 * (it crashed or was killed). SKIP LOCKED lets every sender of every instance claim at once without waiting for
	 * or taking each other's entries.
	 */
	List<Claimed> claim(int max, Duration lease) {
		UUID token = UUID.randomUUID();
		List<Claimed> claimed = this.jdbc.sql("""
				update outbox_entry o
				set status = 'SENDING', attempts = o.attempts + 1, claim_token = :token,
				    lease_until = now() + make_interval(secs => :lease)
				from (select id from outbox_entry
				      where (status = 'QUEUED' and next_attempt_at <= now())
				         or (status = 'SENDING' and lease_until < now())
				      order by next_attempt_at
				      limit :max
				      for update skip locked) due
				where o.id = due.id
				returning o.id, o.tenant_id, o.email_id, o.owner_id, o.attempts, o.in_reply_to, o.references_header
				""")
			.param("token", token)
			.param("lease", (double) lease.toMillis() / 1000)
			.param("max", max)
			.query((rs, n) -> new Claimed(rs.getObject("id", UUID.class),
					TenantId.of(rs.getObject("tenant_id", UUID.class)), rs.getObject("email_id", UUID.class),
					rs.getObject("owner_id", UUID.class), rs.getInt("attempts"), rs.getString("in_reply_to"),
					rs.getString("references_header"), token))
			.list();
		if (!claimed.isEmpty()) {
			this.jdbc.sql("update email set delivery_status = 'SENDING' where id in (:ids)")
				.param("ids", claimed.stream().map(Claimed::emailId).toList())
				.update();
		}
		return claimed;
	}

	/** Records the server's acceptance; false when the claim was lost (another sender took the entry over). */
	boolean markSent(Claimed entry, String reply) {
		int updated = this.jdbc.sql("""
				update outbox_entry set status = 'SENT', last_reply = :reply, sent_at = now(), lease_until = null
				where id = :id and claim_token = :token""")
			.param("reply", clip(reply))
			.param("id", entry.id())
			.param("token", entry.token())
			.update();
		if (updated == 1) {
			email(entry, "SENT", reply, true);
		}
		return updated == 1;
	}

	boolean markForRetry(Claimed entry, Instant next, String reply) {
		int updated = this.jdbc.sql("""
				update outbox_entry set status = 'QUEUED', last_reply = :reply, next_attempt_at = :next,
				       lease_until = null, claim_token = null
				where id = :id and claim_token = :token""")
			.param("reply", clip(reply))
			.param("next", Timestamp.from(next))
			.param("id", entry.id())
			.param("token", entry.token())
			.update();
		if (updated == 1) {
			email(entry, "QUEUED", reply, false);
		}
		return updated == 1;
	}

	boolean markFailed(Claimed entry, String reply) {
		int updated = this.jdbc.sql("""
				update outbox_entry set status = 'FAILED', last_reply = :reply, lease_until = null, claim_token = null
				where id = :id and claim_token = :token""")
			.param("reply", clip(reply))
			.param("id", entry.id())
			.param("token", entry.token())
			.update();
		if (updated == 1) {
			email(entry, "FAILED", reply, false);
		}
		return updated == 1;
	}

	private void email(Claimed entry, String status, String detail, boolean sentNow) {
		this.jdbc.sql("update email set delivery_status = :status, delivery_detail = :detail"
				+ (sentNow ? ", sent_at = now()" : "") + " where id = :id and tenant_id = :tenant")
			.param("status", status)
			.param("detail", clip(detail))
			.param("id", entry.emailId())
			.param("tenant", entry.tenantId().value())
			.update();
	}

	/** The owner's retry: a failed or cancelled entry is queued again from its first attempt. */
	boolean retry(TenantId tenant, UUID emailId, UUID ownerId) {
		int updated = this.jdbc.sql("""
				update outbox_entry set status = 'QUEUED', attempts = 0, next_attempt_at = now(), claim_token = null
				where email_id = :email and tenant_id = :tenant and owner_id = :owner and status in ('FAILED', 'CANCELLED')""")
			.param("email", emailId)
			.param("tenant", tenant.value())
			.param("owner", ownerId)
			.update();
		if (updated == 1) {
			setEmailStatus(tenant, emailId, "QUEUED", null);
		}
		return updated == 1;
	}

	/** The owner's cancel: only an entry that is not being sent right now. */
	boolean cancel(TenantId tenant, UUID emailId, UUID ownerId) {
		int updated = this.jdbc.sql("""
				update outbox_entry set status = 'CANCELLED', claim_token = null
				where email_id = :email and tenant_id = :tenant and owner_id = :owner and status in ('QUEUED', 'FAILED')""")
			.param("email", emailId)
			.param("tenant", tenant.value())
			.param("owner", ownerId)
			.update();
		if (updated == 1) {
			setEmailStatus(tenant, emailId, "CANCELLED", "Cancelled by its sender; it was not sent.");
		}
		return updated == 1;
	}

	private void setEmailStatus(TenantId tenant, UUID emailId, String status, String detail) {
		this.jdbc.sql("update email set delivery_status = :status, delivery_detail = :detail where id = :id and tenant_id = :tenant")
			.param("status", status)
			.param("detail", detail)
			.param("id", emailId)
			.param("tenant", tenant.value())
			.update();
	}

	Optional<Delivery> delivery(TenantId tenant, UUID emailId) {
		return this.jdbc.sql("""
				select e.delivery_status, e.delivery_detail, o.attempts, o.next_attempt_at
				from outbox_entry o join email e on e.id = o.email_id
				where o.email_id = :email and o.tenant_id = :tenant""")
			.param("email", emailId)
			.param("tenant", tenant.value())
			.query((rs, n) -> new Delivery(rs.getString("delivery_status"), rs.getString("delivery_detail"),
					rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant()))
			.optional();
	}

	record Failed(UUID emailId, String subject, String reply) {
	}

	List<Failed> failedOf(TenantId tenant, UUID ownerId) {
		return this.jdbc.sql("""
				select o.email_id, e.subject, o.last_reply from outbox_entry o join email e on e.id = o.email_id
				where o.tenant_id = :tenant and o.owner_id = :owner and o.status = 'FAILED'
				order by o.created_at desc limit 20""")
			.param("tenant", tenant.value())
			.param("owner", ownerId)
			.query((rs, n) -> new Failed(rs.getObject("email_id", UUID.class), rs.getString("subject"),
					rs.getString("last_reply")))
			.list();
	}

	/** The Message-IDs among these that belong to mail the tenant sent from Mailtrail. */
	List<String> sentMessageIds(TenantId tenant, Collection<String> messageIds) {
		if (messageIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select e.message_id from email e join outbox_entry o on o.email_id = e.id
				where e.tenant_id = :tenant and e.message_id in (:ids)""")
			.param("tenant", tenant.value())
			.param("ids", messageIds)
			.query(String.class)
			.list();
	}

	private static String clip(String text) {
		if (text == null) {
			return null;
		}
		return text.length() > 2000 ? text.substring(0, 1999) + "…" : text;
	}

}
