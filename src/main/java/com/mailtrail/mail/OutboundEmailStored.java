package com.mailtrail.mail;

import java.util.UUID;

import com.mailtrail.tenancy.TenantId;

/**
 * An email composed in Mailtrail has been stored and queued for sending. Published inside the submitting
 * transaction with the tenant bound, so linking commits together with the email, by the same rule as
 * {@link InboundEmailStored}.
 */
public record OutboundEmailStored(TenantId tenantId, UUID emailId, UUID userId) {
}
