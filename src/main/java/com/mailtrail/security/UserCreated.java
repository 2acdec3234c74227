package com.mailtrail.security;

import java.util.UUID;

import com.mailtrail.tenancy.TenantId;

/** A user was added to a company; published inside the creating transaction. */
public record UserCreated(TenantId tenantId, UUID userId) {
}
