package com.mailtrail.mail;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens and clicks of emails, supplied by the tracking module. The email pages ask only about emails the viewer may
 * already see, so tracking data follows the email's visibility. Called with the viewer's tenant bound.
 */
public interface EmailEngagement {

	/** For those of these emails that were tracked: whether a person (not a proxy, scanner or the sender) opened or clicked. */
	Map<UUID, Markers> markers(Collection<UUID> emailIds);

	/** The email's opens and clicks over time, if it was sent with tracking. */
	Optional<Activity> activity(UUID emailId);

	record Markers(boolean opened, boolean clicked) {
	}

	/**
	 * @param personOpens opens by people, including those implied by a click
	 * @param personClicks clicks by people
	 * @param otherEvents opens and clicks by privacy proxies, link scanners and the sender
	 */
	record Activity(long personOpens, long personClicks, long otherEvents, List<Event> events) {
	}

	/** @param audience PERSON, PROXY, SCANNER or SENDER; @param url the clicked link's target, null for an open */
	record Event(Instant at, String kind, String audience, String url, String userAgent, String ip, boolean inferred) {

		public boolean person() {
			return "PERSON".equals(this.audience);
		}

	}

}
