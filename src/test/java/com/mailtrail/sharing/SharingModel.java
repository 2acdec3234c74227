package com.mailtrail.sharing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.mail.RecordType;

/**
 * SPEC 5 in plain Java, written from the rules and not from the SQL, so that the two can be checked against each
 * other. Only tests use it.
 */
final class SharingModel {

	record Rec(RecordType type, UUID id, UUID owner, Set<UUID> followers) {
	}

	record Mail(UUID id, UUID owner, Set<UUID> sharedWith, Set<UUID> inToOrCc, List<Rec> links) {
	}

	/** Modules restricted by an admin to owners and followers. */
	final Set<RecordType> restricted = new HashSet<>();

	/** Policy per user and module; missing means Private. */
	final Map<UUID, Map<RecordType, SharingLevel>> policies = new HashMap<>();

	boolean canSeeRecord(UUID viewer, Rec record) {
		return !this.restricted.contains(record.type()) || record.owner().equals(viewer)
				|| record.followers().contains(viewer);
	}

	SharingLevel policy(UUID user, RecordType type) {
		return this.policies.getOrDefault(user, Map.of()).getOrDefault(type, SharingLevel.PRIVATE);
	}

	boolean grantsThrough(Mail mail, Rec record, UUID viewer) {
		return switch (policy(mail.owner(), record.type())) {
			case PRIVATE -> false;
			case TEAM -> record.owner().equals(viewer) || record.followers().contains(viewer);
			case PUBLIC -> canSeeRecord(viewer, record);
		};
	}

	boolean always(Mail mail, UUID viewer) {
		return mail.owner().equals(viewer) || mail.sharedWith().contains(viewer) || mail.inToOrCc().contains(viewer);
	}

	boolean visibleDirectly(Mail mail, UUID viewer) {
		return always(mail, viewer) || mail.links().stream().anyMatch(r -> grantsThrough(mail, r, viewer));
	}

	boolean visibleOnTimeline(Mail mail, Rec record, UUID viewer) {
		return mail.links().contains(record) && (always(mail, viewer) || grantsThrough(mail, record, viewer));
	}

}
