package com.mailtrail.crm.contact;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

public record ContactView(UUID id, String firstName, String lastName, String fullName, String company, String phone,
		String primaryEmail, List<String> emails, UUID ownerId, Set<UUID> followerIds, Instant createdAt,
		Instant updatedAt) {

	static ContactView of(Contact c) {
		return new ContactView(c.getId(), c.getFirstName(), c.getLastName(), c.getFullName(), c.getCompany(),
				c.getPhone(), c.getPrimaryEmail(), c.getEmailAddresses(), c.getOwnerId(), c.getFollowerIds(),
				c.getCreatedAt(), c.getUpdatedAt());
	}

}
