package com.mailtrail.mail;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class MailPreferences {

	private final MailPreferenceRepository preferences;

	private final SmartBccRouteCache routeCache;

	MailPreferences(MailPreferenceRepository preferences, SmartBccRouteCache routeCache) {
		this.preferences = preferences;
		this.routeCache = routeCache;
	}

	/** The user's preferences, or the defaults (automatic deal linking, everything else off). */
	@Transactional(readOnly = true)
	public MailPreference of(UUID userId) {
		return this.preferences.findByUserId(userId).orElseGet(() -> new MailPreference(userId));
	}

	@Transactional
	public void change(UUID userId, boolean strictForwarding, LinkMode linkMode, boolean createUnknownContacts) {
		MailPreference preference = this.preferences.findByUserId(userId)
			.orElseGet(() -> this.preferences.save(new MailPreference(userId)));
		preference.change(strictForwarding, linkMode, createUnknownContacts);
		this.routeCache.forgetAfterCommit();
	}

	/** Whether the compose page starts with "Track opens and clicks" ticked for this user (on unless switched off). */
	@Transactional(readOnly = true)
	public boolean trackByDefault(UUID userId) {
		return of(userId).isTrackByDefault();
	}

	@Transactional
	public void changeTrackByDefault(UUID userId, boolean trackByDefault) {
		MailPreference preference = this.preferences.findByUserId(userId)
			.orElseGet(() -> this.preferences.save(new MailPreference(userId)));
		preference.changeTrackByDefault(trackByDefault);
	}

}
