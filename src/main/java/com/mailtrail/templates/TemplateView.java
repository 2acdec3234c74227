package com.mailtrail.templates;

import java.time.Instant;
import java.util.UUID;

/**
 * A template as its viewer sees it. {@code body} is sanitised HTML with attributes still in it; {@code editable}
 * says whether this viewer may change or delete it.
 */
public record TemplateView(UUID id, TemplateRecordType recordType, String name, UUID folderId, String folderName,
		String subject, String body, boolean shared, UUID ownerId, String ownerName, boolean editable,
		Instant updatedAt) {
}
