package com.mailtrail.mail;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The emails on a contact's, deal's or activity's timeline, for the pages of the module that owns the record. */
@Service
public class EmailTimeline {

	private final EmailRepository emails;

	private final EmailLinkRepository links;

	EmailTimeline(EmailRepository emails, EmailLinkRepository links) {
		this.emails = emails;
		this.links = links;
	}

	/**
	 * The record's linked emails that the viewer may see, newest first. Whether the viewer may see the record itself
	 * is the caller's check.
	 */
	@Transactional(readOnly = true)
	public List<EmailTimelineEntry> of(RecordType type, UUID recordId, UUID viewer) {
		Map<UUID, String> reasons = this.links.findByRecordTypeAndRecordId(type, recordId)
			.stream()
			.collect(Collectors.toMap(EmailLink::getEmailId, EmailLink::getReason, (a, b) -> a));
		return this.emails.findVisibleLinkedTo(type, recordId, viewer)
			.stream()
			.map(e -> new EmailTimelineEntry(e.getId(), e.getSentAt(), sender(e),
					e.getSubject() == null || e.getSubject().isBlank() ? "(no subject)" : e.getSubject(),
					reasons.get(e.getId()), e.getAttachments().stream().anyMatch(a -> !a.isInline())))
			.toList();
	}

	private static String sender(Email email) {
		if (email.getFromName() != null && !email.getFromName().isBlank()) {
			return email.getFromName();
		}
		return email.getFromAddress() == null ? "(unknown sender)" : email.getFromAddress();
	}

}
