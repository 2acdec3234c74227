package com.mailtrail.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mailtrail.notifications.Notifications;

import org.springframework.stereotype.Component;

/**
 * Tells the owner when a person opens a tracked email or clicks one of its links, throttled: the first open, then at
 * most one per email per hour; the first click on each link. Proxies, scanners and the sender never notify. The
 * throttle is decided in the database (so it holds across instances); the memory of what this instance just
 * notified only spares the database the question during a burst.
 */
@Component
class TrackingNotifier {

	static final Duration OPEN_THROTTLE = Duration.ofHours(1);

	private final Notifications notifications;

	private final Map<String, Instant> recentlyNotified = new ConcurrentHashMap<>();

	TrackingNotifier(Notifications notifications) {
		this.notifications = notifications;
	}

	void notifyOwner(TrackingEvent event) {
		if (event.audience() != Audience.PERSON) {
			return;
		}
		var target = event.target();
		String who = target.recipients() == null || target.recipients().isBlank() ? "A recipient" : target.recipients();
		String subject = target.subject() == null || target.subject().isBlank() ? "(no subject)" : target.subject();
		String href = "/emails/" + target.emailId();
		if (event.kind() == TrackingEvent.Kind.OPEN) {
			String key = "open:" + target.emailId();
			if (recently(key, event.at(), OPEN_THROTTLE)) {
				return;
			}
			this.notifications.publish(target.tenant(), target.ownerId(), who + " opened \u201c" + subject + "\u201d",
					href, key, OPEN_THROTTLE);
		}
		else {
			String key = "click:" + target.linkId();
			if (recently(key, event.at(), null)) {
				return;
			}
			this.notifications.publish(target.tenant(), target.ownerId(),
					who + " clicked " + target.url() + " in \u201c" + subject + "\u201d", href, key, null);
		}
	}

	/** Whether this instance already handled the key within the throttle (null: ever), remembering it if not. */
	private boolean recently(String key, Instant at, Duration throttle) {
		if (this.recentlyNotified.size() > 50_000) {
			this.recentlyNotified.clear();
		}
		Instant before = this.recentlyNotified.get(key);
		if (before != null && (throttle == null || before.plus(throttle).isAfter(at))) {
			return true;
		}
		this.recentlyNotified.put(key, at);
		return false;
	}

}
