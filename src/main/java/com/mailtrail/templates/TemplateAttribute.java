package com.mailtrail.templates;

/** One attribute a template may use, e.g. {@code contact.first_name}, with the label the picker shows. */
public record TemplateAttribute(String key, String label, String group) {

	/** How the picker inserts it: the attribute without a fallback. */
	public String placeholder() {
		return "{{" + this.key + "}}";
	}

}
