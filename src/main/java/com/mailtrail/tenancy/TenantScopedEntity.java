package com.mailtrail.tenancy;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.TenantId;

/**
 * Base of every entity that belongs to a tenant. Hibernate fills {@code tenant_id} on insert from the bound tenant
 * and adds it to every query and {@code find()}, so isolation does not depend on remembering a where clause.
 */
@MappedSuperclass
public abstract class TenantScopedEntity {

	@TenantId
	@Column(name = "tenant_id", nullable = false, updatable = false)
	private UUID tenantId;

	public com.mailtrail.tenancy.TenantId getTenantId() {
		return this.tenantId == null ? null : com.mailtrail.tenancy.TenantId.of(this.tenantId);
	}

}
