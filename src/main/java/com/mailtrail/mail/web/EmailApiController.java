package com.mailtrail.mail.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mailtrail.mail.AutoSubmission;
import com.mailtrail.mail.Direction;
import com.mailtrail.mail.ParticipantRole;
import com.mailtrail.mail.RecordType;
import com.mailtrail.mail.web.EmailViews.AttachmentInfo;
import com.mailtrail.mail.web.EmailViews.EmailDetails;
import com.mailtrail.mail.web.EmailViews.EmailRow;
import com.mailtrail.mail.web.EmailViews.LinkInfo;
import com.mailtrail.mail.web.EmailViews.Person;
import com.mailtrail.mail.EmailShares;
import com.mailtrail.security.CurrentUser;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Emails the caller may see, and their links to records; the same visibility rules as the pages. */
@RestController
@RequestMapping("/api/v1/emails")
@Tag(name = "Emails")
class EmailApiController {

	private final EmailReader reader;

	private final EmailLinking linking;

	private final EmailShares shares;

	EmailApiController(EmailReader reader, EmailLinking linking, EmailShares shares) {
		this.reader = reader;
		this.linking = linking;
		this.shares = shares;
	}

	record ShareRequest(@jakarta.validation.constraints.NotEmpty List<UUID> userIds) {
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Who the email is explicitly shared with (owner only may change it)")
	@GetMapping("/{id}/shares")
	List<EmailShares.Share> shares(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		this.reader.details(id, me.userId());
		return this.shares.of(id);
	}

	@PostMapping("/{id}/shares")
	ResponseEntity<List<EmailShares.Share>> share(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@Valid @RequestBody ShareRequest request) {
		this.shares.share(id, request.userIds(), me.userId());
		return ResponseEntity.ok(this.shares.of(id));
	}

	@DeleteMapping("/{id}/shares/{userId}")
	ResponseEntity<Void> unshare(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@PathVariable UUID userId) {
		return this.shares.unshare(id, userId, me.userId()) ? ResponseEntity.noContent().build()
				: ResponseEntity.notFound().build();
	}

	record EmailSummary(UUID id, String subject, Person from, String people, Instant date, boolean forwarded,
			boolean hasAttachments, boolean unreadable, AutoSubmission autoSubmission, boolean mine) {

		static EmailSummary of(EmailRow row) {
			return new EmailSummary(row.id(), row.subject(), row.from(), row.people(), row.sentAt(), row.forwarded(),
					row.hasAttachments(), row.unreadable(), row.autoSubmission(), row.mine());
		}

	}

	record ParticipantJson(ParticipantRole role, String name, String address, boolean counterpart) {
	}

	record LinkJson(RecordType recordType, UUID recordId, String name, String reason) {

		static LinkJson of(LinkInfo link) {
			return new LinkJson(link.recordType(), link.recordId(), link.name(), link.reason());
		}

	}

	record AttachmentJson(UUID id, String filename, String contentType, long size, boolean inline) {

		static AttachmentJson of(AttachmentInfo a) {
			return new AttachmentJson(a.id(), a.filename(), a.contentType(), a.size(), a.inline());
		}

	}

	record Flags(boolean unreadable, AutoSubmission autoSubmission, String problems) {
	}

	/** For a forward, subject, from, to, cc and date are the original message's; forwardedBy sent it on. */
	record EmailJson(UUID id, String subject, Person from, List<Person> to, List<Person> cc, Instant date,
			Direction direction, boolean forwarded, Person forwardedBy, Person originalSender, String forwardNote,
			List<ParticipantJson> participants, List<LinkJson> links, List<AttachmentJson> attachments, Flags flags) {
	}

	record LinkRequest(@NotNull RecordType recordType, @NotNull UUID recordId) {
	}

	@ResponseStatus(HttpStatus.BAD_REQUEST)
	static class AmbiguousFilterException extends RuntimeException {

		AmbiguousFilterException() {
			super("Filter by one record at a time: contact, deal or activity.");
		}

	}

	/** Newest first; contact, deal or activity narrows the list to the emails linked to that record. */
	@GetMapping
	EmailPage<EmailSummary> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) UUID contact, @RequestParam(required = false) UUID deal,
			@RequestParam(required = false) UUID activity, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		var pageable = PageRequest.of(EmailPage.pageIndex(page), Math.min(Math.max(size, 1), 100), EmailController.NEWEST_FIRST);
		int filters = (contact == null ? 0 : 1) + (deal == null ? 0 : 1) + (activity == null ? 0 : 1);
		if (filters > 1) {
			throw new AmbiguousFilterException();
		}
		Page<EmailRow> result;
		if (contact != null) {
			result = this.reader.searchLinkedTo(q, RecordType.CONTACT, contact, me.userId(), pageable);
		}
		else if (deal != null) {
			result = this.reader.searchLinkedTo(q, RecordType.DEAL, deal, me.userId(), pageable);
		}
		else if (activity != null) {
			result = this.reader.searchLinkedTo(q, RecordType.ACTIVITY, activity, me.userId(), pageable);
		}
		else {
			result = this.reader.search(q, null, "all", me.userId(), pageable);
		}
		return EmailPage.of(result.map(EmailSummary::of), q);
	}

	@GetMapping("/{id}")
	EmailJson get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		EmailDetails e = this.reader.details(id, me.userId());
		List<LinkJson> links = this.linking.links(id, me.userId()).stream().map(LinkJson::of).toList();
		return new EmailJson(e.id(), e.subject(), e.from(), e.to(), e.cc(), e.sentAt(), e.direction(), e.forwarded(),
				e.forwardedBy(), e.forwarded() ? e.from() : null, e.forwardNote(),
				e.participants()
					.stream()
					.map(p -> new ParticipantJson(p.role(), p.name(), p.address(), p.counterpart()))
					.toList(),
				links, e.attachments().stream().map(AttachmentJson::of).toList(),
				new Flags(e.unreadable(), e.autoSubmission(), e.problems()));
	}

	/** 201 with the new link; 200 with the existing one when the email was already linked to the record. */
	@PostMapping("/{id}/links")
	ResponseEntity<LinkJson> link(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@Valid @RequestBody LinkRequest request) {
		var linked = this.linking.link(id, request.recordType(), request.recordId(), me);
		return ResponseEntity.status(linked.added() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(LinkJson.of(linked.link()));
	}

	@DeleteMapping("/{id}/links/{recordType}/{recordId}")
	ResponseEntity<Void> unlink(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@PathVariable RecordType recordType, @PathVariable UUID recordId) {
		this.linking.unlink(id, recordType, recordId, me);
		return ResponseEntity.noContent().build();
	}

}
