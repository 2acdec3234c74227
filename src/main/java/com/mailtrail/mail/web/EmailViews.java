package com.mailtrail.mail.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.mailtrail.mail.AutoSubmission;
import com.mailtrail.mail.Direction;
import com.mailtrail.mail.EmailParticipant;
import com.mailtrail.mail.ParticipantRole;
import com.mailtrail.mail.RecordType;

/** The values the email pages and the API show; built inside a transaction, so nothing in them is lazy. */
final class EmailViews {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private EmailViews() {
	}

	static String date(Instant instant) {
		return instant == null ? "" : DATE.format(instant);
	}

	static String subject(String subject) {
		return subject == null || subject.isBlank() ? "(no subject)" : subject;
	}

	record Person(String name, String address) {

		static Person of(String name, String address) {
			return address == null && name == null ? null : new Person(name, address);
		}

		static Person of(EmailParticipant p) {
			return new Person(p.getName(), p.getAddress());
		}

		/** "Pat Jones <pat@globex.example>", or whichever of the two is known. */
		public String display() {
			if (this.name == null || this.name.isBlank()) {
				return this.address == null ? "" : this.address;
			}
			return this.address == null ? this.name : this.name + " <" + this.address + ">";
		}

		public String shortName() {
			return this.name == null || this.name.isBlank() ? this.address : this.name;
		}

	}

	record Participant(ParticipantRole role, String name, String address, boolean counterpart) {
	}

	/** A row of the email list. */
	record EmailRow(UUID id, String subject, Person from, String people, Instant sentAt, String date,
			boolean hasAttachments, boolean unreadable, AutoSubmission autoSubmission, boolean forwarded,
			boolean mine) {

		public String fromDisplay() {
			return this.from == null ? "(unknown sender)" : this.from.shortName();
		}

	}

	record AttachmentInfo(UUID id, String filename, String contentType, long size, boolean inline) {

		public String humanSize() {
			if (this.size < 1024) {
				return this.size + " B";
			}
			if (this.size < 1024 * 1024) {
				return String.format(Locale.ENGLISH, "%.1f KB", this.size / 1024.0);
			}
			return String.format(Locale.ENGLISH, "%.1f MB", this.size / (1024.0 * 1024.0));
		}

	}

	/**
	 * One email as its view shows it. For a forward, from/to/cc/date/subject are the original message's and
	 * forwardedBy is who forwarded it.
	 */
	record EmailDetails(UUID id, UUID ownerId, String subject, Person from, List<Person> to, List<Person> cc,
			Instant sentAt, String date, Direction direction, boolean forwarded, Person forwardedBy,
			String forwardNote, boolean unreadable, String problems, AutoSubmission autoSubmission, boolean hasHtml,
			String textBody, List<AttachmentInfo> attachments, List<Participant> participants,
			boolean hasRawMessage) {

		public List<AttachmentInfo> downloads() {
			return this.attachments.stream().filter(a -> !a.inline()).toList();
		}

		public List<AttachmentInfo> inlineParts() {
			return this.attachments.stream().filter(AttachmentInfo::inline).toList();
		}

	}

	/** A link of the email to a record the viewer may see. */
	record LinkInfo(RecordType recordType, UUID recordId, String name, String reason) {

		public String href() {
			return switch (this.recordType) {
				case CONTACT -> "/contacts/" + this.recordId;
				case DEAL -> "/deals/" + this.recordId;
				case ACTIVITY -> "/activities/" + this.recordId;
			};
		}

		public String typeLabel() {
			return switch (this.recordType) {
				case CONTACT -> "Contact";
				case DEAL -> "Deal";
				case ACTIVITY -> "Activity";
			};
		}

	}

}
