package com.mailtrail.sharing;

public enum SharingLevel {

	/** Only the owner and users the email is explicitly shared with. */
	PRIVATE("Private"),

	/** Also the owner and the followers of the linked record. */
	TEAM("Share with teammates and owner"),

	/** Also every user who can see the linked record. */
	PUBLIC("Public");

	private final String label;

	SharingLevel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The level a form sent, or empty for anything else: a tampered form changes nothing. */
	public static java.util.Optional<SharingLevel> parse(String value) {
		for (SharingLevel level : values()) {
			if (level.name().equals(value)) {
				return java.util.Optional.of(level);
			}
		}
		return java.util.Optional.empty();
	}

}
