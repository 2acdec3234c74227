package com.mailtrail.tracking;

/** Who most likely caused an open or a click; reports and notifications count only {@link #PERSON}. */
enum Audience {

	/** A recipient, as far as anything tells. */
	PERSON,

	/** A privacy proxy or prefetcher fetching images for the recipient (Apple Mail Privacy Protection, Gmail, Yahoo). */
	PROXY,

	/** A security gateway or bot following links before (or instead of) the recipient. */
	SCANNER,

	/** The email's owner, signed in to Mailtrail in the same browser. */
	SENDER

}
