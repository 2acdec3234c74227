package com.mailtrail.mail.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mailtrail.html.HtmlSanitizer;
import com.mailtrail.mail.Email;
import com.mailtrail.mail.EmailAttachment;
import com.mailtrail.mail.EmailParticipant;
import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.ParticipantRole;
import com.mailtrail.mail.RecordType;
import com.mailtrail.mail.VisibleEmails;
import com.mailtrail.mail.web.EmailViews.AttachmentInfo;
import com.mailtrail.mail.web.EmailViews.EmailDetails;
import com.mailtrail.mail.web.EmailViews.EmailRow;
import com.mailtrail.mail.web.EmailViews.Participant;
import com.mailtrail.mail.web.EmailViews.Person;
import com.mailtrail.platform.PlatformSettings;
import com.mailtrail.tenancy.TenantContext;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads emails for the pages and the API. Every read starts from the repository's visibility query, so an email the
 * viewer may not see (another user's, another tenant's) is simply not found.
 */
@Service
@Transactional(readOnly = true)
class EmailReader {

	/**
	 * Inline raster images up to these sizes go into the body as data: URLs. The frame is sandboxed into an opaque
	 * origin, so browsers send it no SameSite session cookie and a download URL would answer the login page instead.
	 */
	static final long MAX_EMBEDDED_IMAGE = 2 * 1024 * 1024;

	static final long MAX_EMBEDDED_TOTAL = 8 * 1024 * 1024;

	private final EmailRepository emails;

	private final VisibleEmails visibleEmails;

	private final RawMessageQueries rawMessages;

	private final HtmlSanitizer sanitizer;

	/** Our own tracking URLs, e.g. the pixel in a customer's reply that quotes a tracked email. */
	private final String trackingPrefix;

	EmailReader(EmailRepository emails, VisibleEmails visibleEmails, RawMessageQueries rawMessages,
			HtmlSanitizer sanitizer, PlatformSettings platform) {
		this.emails = emails;
		this.visibleEmails = visibleEmails;
		this.rawMessages = rawMessages;
		this.sanitizer = sanitizer;
		String base = platform.publicUrl().toString();
		this.trackingPrefix = (base.endsWith("/") ? base : base + "/") + "t/";
	}

	Page<EmailRow> search(String query, Boolean linked, String scope, UUID viewer, Pageable pageable) {
		return this.visibleEmails.search(SearchPatterns.of(query), linked, scope, viewer, pageable)
			.map(e -> row(e, viewer));
	}

	Page<EmailRow> searchLinkedTo(String query, RecordType type, UUID recordId, UUID viewer, Pageable pageable) {
		return this.emails.searchVisibleLinkedTo(SearchPatterns.of(query), type, recordId, viewer, pageable)
			.map(e -> row(e, viewer));
	}

	/** Whether the viewer may see the email; the check before any change to it. */
	boolean visible(UUID id, UUID viewer) {
		return this.emails.findVisible(id, viewer).isPresent();
	}

	EmailDetails details(UUID id, UUID viewer) {
		Email e = visibleEmail(id, viewer);
		List<EmailParticipant> participants = e.getParticipants();
		boolean forward = e.isForwarded();
		Person forwardedBy = forward ? first(participants, ParticipantRole.FROM) : null;
		List<Person> to = people(participants, forward ? ParticipantRole.ORIGINAL_TO : ParticipantRole.TO);
		List<Person> cc = people(participants, forward ? ParticipantRole.ORIGINAL_CC : ParticipantRole.CC);
		if (forward && to.isEmpty() && cc.isEmpty()) {
			// An inline forward whose header block named no recipients: the forwarder's own recipients are all we know.
			to = people(participants, ParticipantRole.TO);
			cc = people(participants, ParticipantRole.CC);
		}
		return new EmailDetails(e.getId(), e.getOwnerId(), EmailViews.subject(e.getSubject()),
				Person.of(e.getFromName(), e.getFromAddress()), to, cc, e.getSentAt(), EmailViews.date(e.getSentAt()),
				e.getDirection(), forward, forwardedBy, blankToNull(e.getForwardNote()), e.isUnreadable(),
				e.getProblems(), e.getAutoSubmission(), hasText(e.getHtmlBody()), e.getTextBody(),
				e.getAttachments().stream().map(EmailReader::attachment).toList(),
				participants.stream()
					.map(p -> new Participant(p.getRole(), p.getName(), p.getAddress(), p.isCounterpart()))
					.toList(),
				e.getInboundMessageId() != null);
	}

	/**
	 * The email's HTML, sanitised, as a document of its own. Inline images (cid:) become data: URLs when they are
	 * raster images of modest size, else point at the email's attachment download; an unknown content id loses its
	 * source.
	 */
	Optional<String> sanitizedBody(UUID id, UUID viewer) {
		Email e = visibleEmail(id, viewer);
		if (!hasText(e.getHtmlBody())) {
			return Optional.empty();
		}
		Map<String, EmailAttachment> byContentId = new HashMap<>();
		for (EmailAttachment a : e.getAttachments()) {
			if (a.getContentId() != null) {
				byContentId.putIfAbsent(contentId(a.getContentId()), a);
			}
		}
		long[] embedded = { 0 };
		return Optional.of(this.sanitizer.sanitizeDocument(e.getHtmlBody(), src -> {
			if (src.regionMatches(true, 0, this.trackingPrefix, 0, this.trackingPrefix.length())) {
				return null; // viewing an email inside Mailtrail never fires a tracking pixel
			}
			if (!src.regionMatches(true, 0, "cid:", 0, 4)) {
				return src;
			}
			EmailAttachment attachment = byContentId.get(contentId(decoded(src.substring(4))));
			if (attachment == null) {
				return null;
			}
			MediaType type = Downloads.attachmentType(attachment.getContentType());
			if (type.getType().equals("image") && attachment.getSize() <= MAX_EMBEDDED_IMAGE
					&& embedded[0] + attachment.getSize() <= MAX_EMBEDDED_TOTAL) {
				embedded[0] += attachment.getSize();
				return "data:" + type + ";base64,"
						+ Base64.getEncoder().encodeToString(attachment.getBlob().getContent());
			}
			return "/emails/" + e.getId() + "/attachments/" + attachment.getId();
		}));
	}

	AttachmentContent attachment(UUID id, UUID attachmentId, UUID viewer) {
		Email e = visibleEmail(id, viewer);
		EmailAttachment attachment = e.getAttachments()
			.stream()
			.filter(a -> a.getId().equals(attachmentId))
			.findFirst()
			.orElseThrow(() -> new EmailNotFoundException("attachment"));
		return new AttachmentContent(attachment.getFilename(), attachment.getContentType(),
				attachment.getBlob().getContent());
	}

	RawMessage raw(UUID id, UUID viewer) {
		Email e = visibleEmail(id, viewer);
		if (e.getInboundMessageId() == null) {
			throw new EmailNotFoundException("original message");
		}
		byte[] bytes = this.rawMessages.raw(TenantContext.required(), e.getInboundMessageId())
			.orElseThrow(() -> new EmailNotFoundException("original message"));
		return new RawMessage(hasText(e.getSubject()) ? e.getSubject() : e.getId().toString(), bytes);
	}

	record AttachmentContent(String filename, String contentType, byte[] content) {
	}

	record RawMessage(String name, byte[] content) {
	}

	private Email visibleEmail(UUID id, UUID viewer) {
		return this.emails.findVisible(id, viewer).orElseThrow(() -> new EmailNotFoundException("email"));
	}

	private static EmailRow row(Email e, UUID viewer) {
		Set<String> people = new LinkedHashSet<>();
		for (EmailParticipant p : e.getCounterparts()) {
			people.add(Person.of(p).shortName());
		}
		return new EmailRow(e.getId(), EmailViews.subject(e.getSubject()), Person.of(e.getFromName(), e.getFromAddress()),
				people.stream().collect(Collectors.joining(", ")), e.getSentAt(), EmailViews.date(e.getSentAt()),
				e.getAttachments().stream().anyMatch(a -> !a.isInline()), e.isUnreadable(), e.getAutoSubmission(),
				e.isForwarded(), e.getOwnerId().equals(viewer));
	}

	private static AttachmentInfo attachment(EmailAttachment a) {
		return new AttachmentInfo(a.getId(), a.getFilename(), a.getContentType(), a.getSize(), a.isInline());
	}

	private static Person first(List<EmailParticipant> participants, ParticipantRole role) {
		return participants.stream().filter(p -> p.getRole() == role).findFirst().map(Person::of).orElse(null);
	}

	private static List<Person> people(List<EmailParticipant> participants, ParticipantRole role) {
		return participants.stream().filter(p -> p.getRole() == role).map(Person::of).toList();
	}

	private static String contentId(String id) {
		String trimmed = id.trim();
		if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
			trimmed = trimmed.substring(1, trimmed.length() - 1);
		}
		return trimmed.toLowerCase(Locale.ROOT);
	}

	/** cid: URLs are URL-encoded Content-IDs (RFC 2392); a malformed one is taken as written. */
	private static String decoded(String cid) {
		try {
			return URLDecoder.decode(cid, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return cid;
		}
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	private static String blankToNull(String value) {
		return hasText(value) ? value : null;
	}

}
