package com.mailtrail.mail;

import java.util.UUID;

import com.mailtrail.tenancy.TenantId;

/**
 * A new email from Smart BCC has been stored for a user. Published inside the processing transaction with the
 * tenant bound, so a listener's work (linking) commits or retries together with the email.
 *
 * @param autoSubmitted an auto-reply or bounce: no contacts are created and no deals linked for it
 */
public record InboundEmailStored(TenantId tenantId, UUID emailId, UUID userId, boolean autoSubmitted) {
}
