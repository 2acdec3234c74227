package com.mailtrail.templates;

import java.util.UUID;

import com.mailtrail.security.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills a template in for a record, as the current user: the template must be visible to them and the record too
 * (both are "not found" otherwise). This is what compose calls when the user picks a template.
 */
@Service
public class TemplateRenderer {

	private final EmailTemplates templates;

	private final RecordValues values;

	private final TemplateContent content;

	TemplateRenderer(EmailTemplates templates, RecordValues values, TemplateContent content) {
		this.templates = templates;
		this.values = values;
		this.content = content;
	}

	/**
	 * The template's subject and HTML body for the record. Fails with {@link TemplateNotFoundException} for a template
	 * the user cannot see, {@code RecordNotFoundException} for a record they cannot see, and
	 * {@link InvalidTemplateException} when the template is for another record type.
	 */
	@Transactional(readOnly = true)
	public RenderedTemplate render(UUID templateId, TemplateRecordType recordType, UUID recordId, CurrentUser me) {
		EmailTemplate template = this.templates.visible(templateId, me);
		if (template.getRecordType() != recordType) {
			throw new InvalidTemplateException("recordType", "This template is for "
					+ template.getRecordType().plural() + ", not for " + recordType.plural() + ".");
		}
		var filled = this.values.of(recordType, recordId, me);
		return new RenderedTemplate(this.content.renderSubject(template.getSubject(), filled),
				this.content.renderBody(template.getBodyHtml(), filled));
	}

}
