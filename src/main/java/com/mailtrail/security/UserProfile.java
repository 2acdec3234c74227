package com.mailtrail.security;

import java.util.UUID;

/** A user's contact details as they sign an email: what the sending user's template attributes show. */
public record UserProfile(UUID id, String email, String displayName, String phone, String jobTitle) {

	static UserProfile of(UserAccount user) {
		return new UserProfile(user.getId(), user.getEmail(), user.getDisplayName(), user.getPhone(),
				user.getJobTitle());
	}

}
