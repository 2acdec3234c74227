package com.mailtrail.tenancy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A company account. Deliberately not tenant-scoped: it is the registry of tenants. */
@Entity
@Table(name = "tenant")
public class Tenant {

	@Id
	private UUID id;

	@Column(nullable = false)
	private String name;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Tenant() {
	}

	public Tenant(TenantId id, String name) {
		this.id = id.value();
		this.name = name;
		this.createdAt = Instant.now();
	}

	public TenantId getId() {
		return TenantId.of(this.id);
	}

	public String getName() {
		return this.name;
	}

	public void rename(String name) {
		this.name = name;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
