package com.mailtrail.crm;

public enum VisibilityScope {

	/** Every user of the company sees the module's records (the default). */
	EVERYONE,

	/** Only a record's owner and followers see it. */
	OWNER_AND_FOLLOWERS

}
