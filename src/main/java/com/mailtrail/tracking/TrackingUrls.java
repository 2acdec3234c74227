package com.mailtrail.tracking;

import com.mailtrail.platform.PlatformSettings;

/** Where the tracking endpoints live for recipients: MAILTRAIL_PUBLIC_URL. */
final class TrackingUrls {

	private TrackingUrls() {
	}

	static String base(PlatformSettings settings) {
		String url = settings.publicUrl().toString();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
