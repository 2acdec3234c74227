package com.mailtrail.crm.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

public record DealView(UUID id, String title, BigDecimal amount, String currency, DealStatus status,
		UUID primaryContactId, Set<UUID> participantIds, LocalDate expectedCloseDate, UUID ownerId,
		Set<UUID> followerIds, Instant createdAt, Instant updatedAt) {

	static DealView of(Deal d) {
		return new DealView(d.getId(), d.getTitle(), d.getAmount(), d.getCurrency(), d.getStatus(),
				d.getPrimaryContactId(), d.getParticipantIds(), d.getExpectedCloseDate(), d.getOwnerId(),
				d.getFollowerIds(), d.getCreatedAt(), d.getUpdatedAt());
	}

	/** e.g. "USD 12,500.00", or an empty string when the deal has no value yet. */
	public String formattedValue() {
		return this.amount == null ? "" : this.currency + " " + String.format(java.util.Locale.ROOT, "%,.2f", this.amount);
	}

}
