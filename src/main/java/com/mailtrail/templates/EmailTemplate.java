package com.mailtrail.templates;

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
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

/** Subject and body are stored as validated: one-line subject, sanitised body, whitelisted attributes only. */
@Entity
@Table(name = "email_template")
class EmailTemplate extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "owner_id", nullable = false)
	private UUID ownerId;

	@Column(name = "folder_id")
	private UUID folderId;

	@Enumerated(EnumType.STRING)
	@Column(name = "record_type", nullable = false)
	private TemplateRecordType recordType;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String subject;

	@Column(name = "body_html", nullable = false)
	private String bodyHtml;

	@Column(nullable = false)
	private boolean shared;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt = Instant.now();

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt = Instant.now();

	protected EmailTemplate() {
	}

	EmailTemplate(UUID ownerId) {
		this.ownerId = ownerId;
	}

	void describe(TemplateRecordType recordType, String name, UUID folderId, String subject, String bodyHtml,
			boolean shared) {
		this.recordType = recordType;
		this.name = name;
		this.folderId = folderId;
		this.subject = subject;
		this.bodyHtml = bodyHtml;
		this.shared = shared;
	}

	@PreUpdate
	void touch() {
		this.updatedAt = Instant.now();
	}

	UUID getId() {
		return this.id;
	}

	UUID getOwnerId() {
		return this.ownerId;
	}

	UUID getFolderId() {
		return this.folderId;
	}

	TemplateRecordType getRecordType() {
		return this.recordType;
	}

	String getName() {
		return this.name;
	}

	String getSubject() {
		return this.subject;
	}

	String getBodyHtml() {
		return this.bodyHtml;
	}

	boolean isShared() {
		return this.shared;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
