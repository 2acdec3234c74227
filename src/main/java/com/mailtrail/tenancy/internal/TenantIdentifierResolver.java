package com.mailtrail.tenancy.internal;

import java.util.Map;
import java.util.UUID;

import com.mailtrail.tenancy.TenantContext;
import com.mailtrail.tenancy.TenantId;
import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tells Hibernate which tenant a new session belongs to. Without a bound tenant it answers the nil id, which
 * matches no row and which the {@code tenant_id} foreign key refuses on insert: it fails closed.
 */
@Component
class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<UUID>, HibernatePropertiesCustomizer {

	@Override
	public UUID resolveCurrentTenantIdentifier() {
		return TenantContext.current().orElse(TenantId.NONE).value();
	}

	@Override
	public boolean validateExistingCurrentSessions() {
		return true;
	}

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		hibernateProperties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, this);
	}

}
