package com.mailtrail.mail.outbound;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mailtrail.mail.Email;
import com.mailtrail.mail.EmailParticipant;
import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.ParticipantRole;
import com.mailtrail.mail.outbound.OutgoingMimeMessages.Address;
import com.mailtrail.mail.outbound.OutgoingMimeMessages.Attachment;
import com.mailtrail.mail.outbound.OutgoingMimeMessages.Parts;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads a queued email's parts for sending, with the tenant bound, in a short read-only transaction. */
@Component
class OutgoingMessageLoader {

	private final EmailRepository emails;

	OutgoingMessageLoader(EmailRepository emails) {
		this.emails = emails;
	}

	record Loaded(Parts parts, boolean tracked) {
	}

	/**
	 * Reads a batch in one transaction; an entry whose email cannot be read maps to the exception, so that one bad
	 * entry does not hold up the others.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, Object> loadAll(List<OutboxQueries.Claimed> entries) {
		java.util.Map<UUID, Object> loaded = new java.util.HashMap<>();
		for (OutboxQueries.Claimed entry : entries) {
			try {
				loaded.put(entry.id(), load(entry));
			}
			catch (RuntimeException ex) {
				loaded.put(entry.id(), ex);
			}
		}
		return loaded;
	}

	@Transactional(readOnly = true)
	public Loaded load(OutboxQueries.Claimed entry) {
		Email email = this.emails.findById(entry.emailId())
			.orElseThrow(() -> new IllegalStateException("The queued email is gone"));
		List<EmailParticipant> people = email.getParticipants();
		Parts parts = new Parts(email.getMessageId(), new Address(email.getFromName(), email.getFromAddress()),
				role(people, ParticipantRole.TO), role(people, ParticipantRole.CC), role(people, ParticipantRole.BCC),
				email.getSubject(), email.getTextBody(), email.getHtmlBody(),
				email.getAttachments()
					.stream()
					.map(a -> new Attachment(a.getFilename(), a.getContentType(), a.getBlob().getContent()))
					.toList(),
				entry.inReplyTo(), entry.referencesHeader(), Instant.now());
		return new Loaded(parts, email.isTracked());
	}

	private static List<Address> role(List<EmailParticipant> people, ParticipantRole role) {
		return people.stream()
			.filter(p -> p.getRole() == role)
			.map(p -> new Address(p.getName(), p.getAddress()))
			.toList();
	}

}
