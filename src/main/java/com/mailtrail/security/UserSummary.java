package com.mailtrail.security;

import java.util.UUID;

/** What other modules may know about a colleague. */
public record UserSummary(UUID id, String email, String displayName, Role role, boolean active) {

	static UserSummary of(UserAccount user) {
		return new UserSummary(user.getId(), user.getEmail(), user.getDisplayName(), user.getRole(), user.isActive());
	}

}
