package com.mailtrail.crm;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.security.UserDirectory;

import org.springframework.stereotype.Component;

/**
 * Checks that an owner and followers given by a form or the API are users of the current tenant: a foreign key
 * alone would accept another company's user.
 */
@Component
public class RecordPeople {

	private final UserDirectory users;

	RecordPeople(UserDirectory users) {
		this.users = users;
	}

	public UUID requireOwner(UUID ownerId) {
		var owner = this.users.byIds(Set.of(ownerId)).get(ownerId);
		if (owner == null || !owner.active()) {
			throw new InvalidRecordException("ownerId", "The owner must be an active user of your company.");
		}
		return ownerId;
	}

	public Set<UUID> requireFollowers(Collection<UUID> followerIds) {
		Set<UUID> ids = new LinkedHashSet<>(followerIds);
		if (this.users.byIds(ids).size() != ids.size()) {
			throw new InvalidRecordException("followerIds", "Followers must be users of your company.");
		}
		return ids;
	}

}
