package com.mailtrail.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * An email on a record's timeline, as the viewer may see it.
 *
 * @param from the original sender's name or address (for a forward, not the forwarder)
 * @param reason why the email is linked to the record, in words a rep understands
 */
public record EmailTimelineEntry(UUID id, Instant sentAt, String from, String subject, String reason,
		boolean hasAttachments) {
}
