package com.mailtrail.mail.outbound;

import java.time.Instant;
import java.util.UUID;

import com.mailtrail.tenancy.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An email waiting to be sent. Written with the email in one transaction; from then on the sender works the row in
 * plain SQL ({@link OutboxQueries}), because it claims entries before it knows their tenant.
 */
@Entity
@Table(name = "outbox_entry")
class OutboxEntry extends TenantScopedEntity {

	@Id
	private UUID id;

	@Column(name = "email_id", nullable = false)
	private UUID emailId;

	@Column(name = "owner_id", nullable = false)
	private UUID ownerId;

	@Column(nullable = false)
	private String status = "QUEUED";

	@Column(name = "next_attempt_at", nullable = false)
	private Instant nextAttemptAt = Instant.now();

	@Column(name = "in_reply_to")
	private String inReplyTo;

	@Column(name = "references_header")
	private String referencesHeader;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now();

	protected OutboxEntry() {
	}

	OutboxEntry(UUID emailId, UUID ownerId, String inReplyTo, String referencesHeader) {
		this.id = UUID.randomUUID();
		this.emailId = emailId;
		this.ownerId = ownerId;
		this.inReplyTo = inReplyTo;
		this.referencesHeader = referencesHeader;
	}

	UUID getId() {
		return this.id;
	}

}
