package com.mailtrail.mail.inbound;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mailtrail.mail.Email;
import com.mailtrail.mail.EmailLinks;
import com.mailtrail.mail.EmailParticipant;
import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.LinkableRecords;
import com.mailtrail.mail.ParticipantRole;
import com.mailtrail.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What became of a message accepted over SMTP: the 250 reply names the session ("stored as ..."), and this tells
 * its recipient whether it was processed and what Mailtrail understood of it.
 */
@RestController
@Tag(name = "Smart BCC")
class InboundStatusApiController {

	private final InboundMessageQueries queries;

	private final EmailRepository emails;

	private final EmailLinks links;

	private final LinkableRecords records;

	InboundStatusApiController(InboundMessageQueries queries, EmailRepository emails, EmailLinks links,
			LinkableRecords records) {
		this.queries = queries;
		this.emails = emails;
		this.links = links;
		this.records = records;
	}

	record Understood(UUID emailId, String from, String originalSender, String subject, String originalSubject,
			boolean forwarded, List<String> people, List<String> attachments, List<Link> links, boolean unreadable,
			String autoSubmission, String problems) {
	}

	record Link(String recordType, UUID recordId, String name, String reason) {
	}

	record Status(UUID id, String status, int attempts, String lastError, Understood understood) {
	}

	@Operation(summary = "Status and understanding of the messages of one SMTP session delivered to your Smart BCC address")
	@GetMapping("/api/v1/inbound/{smtpSession}")
	@Transactional(readOnly = true)
	List<Status> status(@AuthenticationPrincipal CurrentUser me, @PathVariable String smtpSession) {
		return this.queries.statusOf(me.tenantId(), me.userId(), smtpSession)
			.stream()
			.map(s -> new Status(s.id(), s.status(), s.attempts(), s.lastError(),
					s.emailId() == null ? null
							: this.emails.findVisible(s.emailId(), me.userId()).map(e -> understood(e, me)).orElse(null)))
			.toList();
	}

	private Understood understood(Email email, CurrentUser me) {
		List<Link> linkViews = this.links.of(email.getId()).stream().map(l -> {
			Map<UUID, String> names = this.records.names(l.getRecordType(), Set.of(l.getRecordId()), me.userId());
			return new Link(l.getRecordType().name(), l.getRecordId(), names.get(l.getRecordId()), l.getReason());
		}).toList();
		return new Understood(email.getId(), joined(email, ParticipantRole.FROM),
				email.isForwarded() ? joined(email, ParticipantRole.ORIGINAL_FROM) : null, email.getReceivedSubject(),
				email.isForwarded() ? email.getSubject() : null, email.isForwarded(),
				email.getCounterparts().stream().map(EmailParticipant::display).distinct().toList(),
				email.getAttachments().stream().map(a -> a.getFilename()).toList(), linkViews, email.isUnreadable(),
				email.getAutoSubmission().name(), email.getProblems());
	}

	private static String joined(Email email, ParticipantRole role) {
		return email.getParticipants()
			.stream()
			.filter(p -> p.getRole() == role)
			.map(EmailParticipant::display)
			.collect(Collectors.joining("; "));
	}

}
