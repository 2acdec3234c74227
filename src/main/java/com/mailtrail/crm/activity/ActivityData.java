package com.mailtrail.crm.activity;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** The editable fields of an activity, from a form or the API. */
public record ActivityData(ActivityType type, String title, String notes, LocalDate dueDate, boolean done,
		UUID contactId, UUID dealId, UUID ownerId, Set<UUID> followerIds) {
}
