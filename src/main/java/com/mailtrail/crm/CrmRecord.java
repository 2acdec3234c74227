package com.mailtrail.crm;

import java.time.Instant;
import java.util.UUID;

import com.mailtrail.tenancy.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PreUpdate;

/** What contacts, deals and activities share: an id, an owner and timestamps. */
@MappedSuperclass
public abstract class CrmRecord extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "owner_id", nullable = false)
	private UUID ownerId;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt = Instant.now();

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt = Instant.now();

	protected CrmRecord() {
	}

	protected CrmRecord(UUID ownerId) {
		this.ownerId = ownerId;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getOwnerId() {
		return this.ownerId;
	}

	public void changeOwner(UUID ownerId) {
		this.ownerId = ownerId;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	@PreUpdate
	void touch() {
		this.updatedAt = Instant.now();
	}

}
