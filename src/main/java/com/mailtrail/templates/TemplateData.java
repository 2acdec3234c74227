package com.mailtrail.templates;

import java.util.UUID;

/** What a user fills in for a template; {@code folderId} null means "Unfiled". */
public record TemplateData(TemplateRecordType recordType, String name, UUID folderId, String subject, String body,
		boolean shared) {
}
