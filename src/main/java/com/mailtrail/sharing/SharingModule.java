package com.mailtrail.sharing;

/** The modules whose linked emails a policy governs, named as the policies are shown. */
public enum SharingModule {

	DEALS("Deals"), ACTIVITIES("Activities"), CONTACTS("Contacts");

	private final String label;

	SharingModule(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
