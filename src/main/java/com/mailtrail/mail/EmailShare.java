package com.mailtrail.mail;

import java.time.Instant;
import java.util.UUID;

import com.mailtrail.tenancy.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An email explicitly shared with a user: by hand, or because they BCC'd the same message. */
@Entity
@Table(name = "email_share")
public class EmailShare extends TenantScopedEntity {

	public enum Reason {

		SMART_BCC, MANUAL

	}

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "email_id", nullable = false)
	private UUID emailId;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	@Column(name = "shared_by")
	private UUID sharedBy;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Reason reason;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now();

	protected EmailShare() {
	}

	public EmailShare(UUID emailId, UUID userId, UUID sharedBy, Reason reason) {
		this.emailId = emailId;
		this.userId = userId;
		this.sharedBy = sharedBy;
		this.reason = reason;
	}

	public UUID getEmailId() {
		return this.emailId;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public UUID getSharedBy() {
		return this.sharedBy;
	}

	public Reason getReason() {
		return this.reason;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
