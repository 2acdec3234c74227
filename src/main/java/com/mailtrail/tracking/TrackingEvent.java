package com.mailtrail.tracking;

import java.time.Instant;

/**
 * One open or click as recorded, with what the notification needs about its email.
 *
 * @param burst whether this click was classified as a scanner for being one of many links within a second, so that
 * the earlier clicks of the burst are reclassified too
 */
record TrackingEvent(TrackedEmailQueries.Target target, Kind kind, Audience audience, Instant at, String userAgent,
		String ip, boolean burst) {

	enum Kind {

		OPEN, CLICK

	}

}
