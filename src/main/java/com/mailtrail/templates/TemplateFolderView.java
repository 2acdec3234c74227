package com.mailtrail.templates;

import java.util.UUID;

/** A folder; {@code editable} says whether this viewer may rename or delete it. */
public record TemplateFolderView(UUID id, String name, boolean editable) {
}
