package com.mailtrail.tenancy;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a tenant. {@link #NONE} is the nil UUID: it matches no row, so code that runs without a bound tenant
 * sees nothing instead of everything.
 */
public record TenantId(UUID value) implements Serializable {

	public static final TenantId NONE = new TenantId(new UUID(0, 0));

	public TenantId {
		Objects.requireNonNull(value, "value");
	}

	public static TenantId of(UUID value) {
		return new TenantId(value);
	}

	public static TenantId random() {
		return new TenantId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
