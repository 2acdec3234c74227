package com.mailtrail.templates;

import java.util.Locale;

/** The kind of record a template is written for; it decides which attributes the template may use. */
public enum TemplateRecordType {

	CONTACT("Contact", "contacts"), DEAL("Deal", "deals"), ACTIVITY("Activity", "activities");

	private final String label;

	private final String plural;

	TemplateRecordType(String label, String plural) {
		this.label = label;
		this.plural = plural;
	}

	public String plural() {
		return this.plural;
	}

	public String label() {
		return this.label;
	}

	/** The type named case-insensitively (CONTACT, deal, Activity), or an error a user can read. */
	public static TemplateRecordType parse(String name) {
		if (name != null) {
			for (TemplateRecordType type : values()) {
				if (type.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
					return type;
				}
			}
		}
		throw new InvalidTemplateException("recordType", "Choose a record type: Contact, Deal or Activity.");
	}

}
