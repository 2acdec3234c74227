package com.mailtrail.crm.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** The editable fields of a deal, from a form or the API. */
public record DealData(String title, BigDecimal amount, String currency, DealStatus status, UUID primaryContactId,
		Set<UUID> participantIds, LocalDate expectedCloseDate, UUID ownerId, Set<UUID> followerIds) {
}
