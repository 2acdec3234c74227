package com.mailtrail.crm.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

public record ActivityView(UUID id, ActivityType type, String title, String notes, LocalDate dueDate, boolean done,
		UUID contactId, UUID dealId, UUID ownerId, Set<UUID> followerIds, Instant createdAt, Instant updatedAt) {

	static ActivityView of(Activity a) {
		return new ActivityView(a.getId(), a.getType(), a.getTitle(), a.getNotes(), a.getDueDate(), a.isDone(),
				a.getContactId(), a.getDealId(), a.getOwnerId(), a.getFollowerIds(), a.getCreatedAt(),
				a.getUpdatedAt());
	}

	public boolean overdue() {
		return !this.done && this.dueDate != null && this.dueDate.isBefore(LocalDate.now());
	}

}
