package com.mailtrail.sharing;

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

@Entity
@Table(name = "email_sharing_audit")
class SharingAuditEntry extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "actor_id")
	private UUID actorId;

	@Column(name = "subject_user_id")
	private UUID subjectUserId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SharingModule module;

	@Enumerated(EnumType.STRING)
	@Column(name = "old_level", nullable = false)
	private SharingLevel oldLevel;

	@Enumerated(EnumType.STRING)
	@Column(name = "new_level", nullable = false)
	private SharingLevel newLevel;

	@Column(name = "changed_at", nullable = false)
	private Instant changedAt = Instant.now();

	protected SharingAuditEntry() {
	}

	SharingAuditEntry(UUID actorId, UUID subjectUserId, SharingModule module, SharingLevel oldLevel,
			SharingLevel newLevel) {
		this.actorId = actorId;
		this.subjectUserId = subjectUserId;
		this.module = module;
		this.oldLevel = oldLevel;
		this.newLevel = newLevel;
	}

	UUID getActorId() {
		return this.actorId;
	}

	UUID getSubjectUserId() {
		return this.subjectUserId;
	}

	SharingModule getModule() {
		return this.module;
	}

	SharingLevel getOldLevel() {
		return this.oldLevel;
	}

	SharingLevel getNewLevel() {
		return this.newLevel;
	}

	Instant getChangedAt() {
		return this.changedAt;
	}

}
