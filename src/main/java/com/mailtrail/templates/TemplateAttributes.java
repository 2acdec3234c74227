package com.mailtrail.templates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The whitelist: every attribute a template can use, per record type. Nothing outside this list ever resolves; the
 * renderer only looks names up in a map built from these keys.
 */
public final class TemplateAttributes {

	static final List<TemplateAttribute> CONTACT = List.of(
			new TemplateAttribute("contact.first_name", "First name", "Contact"),
			new TemplateAttribute("contact.last_name", "Last name", "Contact"),
			new TemplateAttribute("contact.full_name", "Full name", "Contact"),
			new TemplateAttribute("contact.email", "Email", "Contact"),
			new TemplateAttribute("contact.phone", "Phone", "Contact"),
			new TemplateAttribute("contact.company", "Company", "Contact"),
			new TemplateAttribute("contact.owner", "Owner", "Contact"));

	static final List<TemplateAttribute> DEAL = List.of(new TemplateAttribute("deal.title", "Title", "Deal"),
			new TemplateAttribute("deal.value", "Value (with currency)", "Deal"),
			new TemplateAttribute("deal.status", "Status", "Deal"),
			new TemplateAttribute("deal.expected_close_date", "Expected close date", "Deal"),
			new TemplateAttribute("deal.owner", "Owner", "Deal"));

	static final List<TemplateAttribute> ACTIVITY = List.of(
			new TemplateAttribute("activity.title", "Title", "Activity"),
			new TemplateAttribute("activity.due_date", "Due date", "Activity"),
			new TemplateAttribute("activity.type", "Type", "Activity"));

	static final List<TemplateAttribute> USER = List.of(new TemplateAttribute("user.name", "Name", "Sending user"),
			new TemplateAttribute("user.email", "Email", "Sending user"),
			new TemplateAttribute("user.phone", "Phone", "Sending user"),
			new TemplateAttribute("user.title", "Job title", "Sending user"));

	static final List<TemplateAttribute> COMPANY = List.of(
			new TemplateAttribute("company.name", "Company name", "Your company"));

	private TemplateAttributes() {
	}

	/**
	 * What a template of this type can use: its own record, its related records (a deal's primary contact; an
	 * activity's contact and deal), the sending user and the company.
	 */
	public static List<TemplateAttribute> forType(TemplateRecordType type) {
		List<TemplateAttribute> all = new ArrayList<>();
		switch (type) {
			case CONTACT -> all.addAll(CONTACT);
			case DEAL -> {
				all.addAll(DEAL);
				all.addAll(relabel(CONTACT, "Primary contact"));
			}
			case ACTIVITY -> {
				all.addAll(ACTIVITY);
				all.addAll(CONTACT);
				all.addAll(DEAL);
			}
		}
		all.addAll(USER);
		all.addAll(COMPANY);
		return Collections.unmodifiableList(all);
	}

	public static boolean allowed(TemplateRecordType type, String key) {
		return forType(type).stream().anyMatch(a -> a.key().equals(key));
	}

	private static List<TemplateAttribute> relabel(List<TemplateAttribute> attributes, String group) {
		return attributes.stream().map(a -> new TemplateAttribute(a.key(), a.label(), group)).toList();
	}

}
