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

/** An email's link to a contact, deal or activity, with the reason it exists in words a rep understands. */
@Entity
@Table(name = "email_link")
public class EmailLink extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "email_id", nullable = false)
	private UUID emailId;

	@Enumerated(EnumType.STRING)
	@Column(name = "record_type", nullable = false)
	private RecordType recordType;

	@Column(name = "record_id", nullable = false)
	private UUID recordId;

	@Column(nullable = false)
	private String reason;

	@Column(name = "linked_by")
	private UUID linkedBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now();

	protected EmailLink() {
	}

	public EmailLink(UUID emailId, RecordType recordType, UUID recordId, String reason, UUID linkedBy) {
		this.emailId = emailId;
		this.recordType = recordType;
		this.recordId = recordId;
		this.reason = reason;
		this.linkedBy = linkedBy;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getEmailId() {
		return this.emailId;
	}

	public RecordType getRecordType() {
		return this.recordType;
	}

	public UUID getRecordId() {
		return this.recordId;
	}

	public String getReason() {
		return this.reason;
	}

	public UUID getLinkedBy() {
		return this.linkedBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
