package com.mailtrail.security;

import java.util.UUID;

import com.mailtrail.tenancy.TenantId;

/**
 * A user was deactivated or reactivated, or their secondary addresses changed: who may send as them, and whether mail
 * reaches them, changed. Published inside the changing transaction.
 */
public record UserAccountChanged(TenantId tenantId, UUID userId) {
}
