package com.mailtrail.crm;

import java.util.UUID;

import com.mailtrail.security.CurrentUser;

/** Who is looking at records: visibility and who may delete depend on it. */
public record Viewer(UUID userId, boolean admin) {

	public static Viewer of(CurrentUser user) {
		return new Viewer(user.userId(), user.isAdmin());
	}

}
