package com.mailtrail.mail.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mailtrail.mail.AttachmentBlob;
import com.mailtrail.mail.AttachmentBlobRepository;
import com.mailtrail.mail.AutoSubmission;
import com.mailtrail.mail.Conversation;
import com.mailtrail.mail.ConversationRepository;
import com.mailtrail.mail.Direction;
import com.mailtrail.mail.Email;
import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.EmailShare;
import com.mailtrail.mail.EmailShareRepository;
import com.mailtrail.mail.InboundEmailStored;
import com.mailtrail.mail.MailSettings;
import com.mailtrail.mail.ParticipantRole;
import com.mailtrail.mail.inbound.parsing.EmailParticipant;
import com.mailtrail.mail.inbound.parsing.ForwardedMessage;
import com.mailtrail.mail.inbound.parsing.MimeMessageParser;
import com.mailtrail.mail.inbound.parsing.ParsedAttachment;
import com.mailtrail.mail.inbound.parsing.ParsedEmail;
import com.mailtrail.security.UserDirectory;
import com.mailtrail.tenancy.TenantId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns one accepted raw message into a stored email for its user: parse, recognise a message already stored for
 * the tenant (then the user only gets it shared), thread it, store participants and attachments, and announce it
 * for linking. Runs with the message's tenant bound, in a transaction of its own, and is idempotent.
 */
@Component
class InboundMailProcessor {

	private final InboundMessageQueries queries;

	private final MimeMessageParser parser;

	private final EmailRepository emails;

	private final EmailShareRepository shares;

	private final ConversationRepository conversations;

	private final AttachmentBlobRepository blobs;

	private final UserDirectory users;

	private final MailSettings settings;

	private final ApplicationEventPublisher events;

	InboundMailProcessor(InboundMessageQueries queries, MimeMessageParser parser, EmailRepository emails,
			EmailShareRepository shares, ConversationRepository conversations, AttachmentBlobRepository blobs,
			UserDirectory users, MailSettings settings, ApplicationEventPublisher events) {
		this.queries = queries;
		this.parser = parser;
		this.emails = emails;
		this.shares = shares;
		this.conversations = conversations;
		this.blobs = blobs;
		this.users = users;
		this.settings = settings;
		this.events = events;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public UUID process(UUID inboundId, TenantId tenant, UUID userId) {
		InboundMessageQueries.Raw raw = this.queries.raw(inboundId, tenant);
		byte[] original = withoutOurReceivedHeader(raw.bytes());
		ParsedEmail parsed = this.parser.parse(original);
		String contentSha256 = sha256(original);
		String dedupeKey = dedupeKey(parsed, contentSha256);

		Optional<Email> existing = this.emails.findByDedupeKey(dedupeKey);
		if (existing.isPresent() && existing.get().getOwnerId().equals(userId)) {
			return existing.get().getId();
		}
		if (existing.isPresent() && existing.get().getContentSha256().equals(contentSha256)) {
			shareWithAnotherRecipient(existing.get(), userId);
			return existing.get().getId();
		}
		if (existing.isPresent()) {
			// Same Message-ID, other bytes, other user: Message-IDs are not secret (every reply quotes them), so this
			// user gets an email of their own rather than access to a colleague's.
			dedupeKey = dedupeKey + "#" + contentSha256;
			Optional<Email> own = this.emails.findByDedupeKey(dedupeKey);
			if (own.isPresent()) {
				return own.get().getId();
			}
		}

		Email email = new Email(userId, Direction.INBOUND, parsed.messageId(), dedupeKey, contentSha256,
				conversationOf(parsed));
		Set<String> people = counterparts(parsed, this.users.addressesOf(userId));
		describe(email, parsed, raw.receivedAt(), people);
		email.receivedWithSubject(parsed.subject());
		email.body(parsed.textBody(), parsed.htmlBody());
		if (!parsed.readable()) {
			email.markUnreadable(String.join("; ", parsed.problems()));
		}
		else if (!parsed.problems().isEmpty()) {
			email.noteProblems(String.join("; ", parsed.problems()));
		}
		AutoSubmission automatic = automatic(parsed, raw.envelopeFrom());
		email.markAutoSubmitted(automatic);
		storeAttachments(email, parsed.attachments());
		List<String> references = new ArrayList<>(parsed.inReplyTo());
		references.addAll(parsed.references());
		email.addReferences(references);
		email.receivedAs(inboundId);
		this.emails.save(email);
		if (automatic == AutoSubmission.BOUNCE) {
			markBounced(original);
		}
		this.events.publishEvent(new InboundEmailStored(tenant, email.getId(), userId, automatic != AutoSubmission.NONE));
		return email.getId();
	}

	/** The last resort for a message that keeps failing: the user still sees it, flagged, with its raw source. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public UUID storeUnreadable(UUID inboundId, TenantId tenant, UUID userId, String error) {
		Conversation conversation = this.conversations.save(new Conversation());
		Email email = new Email(userId, Direction.INBOUND, null, "inbound:" + inboundId, "", conversation);
		email.describe("(could not be read)", null, null, Instant.now());
		email.markUnreadable("Processing failed: " + error);
		email.receivedAs(inboundId);
		return this.emails.save(email).getId();
	}

	/**
	 * A delivery status report about mail sent from Mailtrail marks that email bounced. The lookup runs under the
	 * message's tenant, so a report can only ever touch that company's own sent mail.
	 */
	private void markBounced(byte[] raw) {
		DeliveryReports.Report report = DeliveryReports.read(raw);
		if (report == null || report.originalMessageIds().isEmpty()) {
			return;
		}
		for (Email sent : this.emails.findSentByMessageIds(report.originalMessageIds())) {
			sent.markBounced(report.diagnostic());
		}
	}

	private void shareWithAnotherRecipient(Email email, UUID userId) {
		if (!email.getOwnerId().equals(userId) && !this.shares.existsByEmailIdAndUserId(email.getId(), userId)) {
			this.shares.save(new EmailShare(email.getId(), userId, null, EmailShare.Reason.SMART_BCC));
		}
	}

	private void describe(Email email, ParsedEmail parsed, Instant receivedAt, Set<String> people) {
		ForwardedMessage forward = parsed.forwarded();
		EmailParticipant from = forward != null && forward.from() != null ? forward.from() : parsed.from();
		String subject = forward != null && forward.subject() != null && !forward.subject().isBlank()
				? forward.subject() : parsed.subject();
		Instant date = forward != null && forward.parsedDate() != null ? forward.parsedDate()
				: (parsed.date() != null ? parsed.date() : receivedAt);
		email.describe(subject, from == null ? null : from.name(), from == null ? null : from.address(), date);
		if (forward != null) {
			email.markForwarded(forward.note());
		}
		add(email, ParticipantRole.FROM, parsed.authors(), people);
		add(email, ParticipantRole.TO, parsed.to(), people);
		add(email, ParticipantRole.CC, parsed.cc(), people);
		add(email, ParticipantRole.REPLY_TO, parsed.replyTo(), Set.of());
		for (ForwardedMessage original : parsed.forwardedMessages()) {
			add(email, ParticipantRole.ORIGINAL_FROM,
					original.from() == null ? List.of() : List.of(original.from()), people);
			add(email, ParticipantRole.ORIGINAL_TO, original.to(), people);
			add(email, ParticipantRole.ORIGINAL_CC, original.cc(), people);
		}
	}

	private void add(Email email, ParticipantRole role, List<EmailParticipant> participants, Set<String> people) {
		for (EmailParticipant p : participants) {
			if (p.address() == null || p.address().isBlank() || isSmartBcc(p.address())) {
				continue;
			}
			String address = p.address().toLowerCase(Locale.ROOT);
			email.addParticipant(role, p.name(), address, people.contains(address));
		}
	}

	/**
	 * Who the email is with, minus the user and minus Smart BCC addresses themselves. Besides SPEC's people (To and
	 * Cc of mail the user sent, or the original's people of a forward), the sender of mail that reached the user
	 * unchanged (a redirect rule, an auto-forward) counts too: otherwise a customer's own message is with nobody.
	 */
	private Set<String> counterparts(ParsedEmail parsed, Set<String> ownAddresses) {
		Set<String> own = ownAddresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
		List<EmailParticipant> people = new ArrayList<>();
		if (parsed.forwardedMessages().isEmpty()) {
			people.addAll(parsed.authors());
		}
		people.addAll(parsed.people(ownAddresses));
		return people.stream()
			.map(p -> p.address().toLowerCase(Locale.ROOT))
			.filter(a -> a.contains("@") && !isSmartBcc(a) && !own.contains(a))
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private boolean isSmartBcc(String address) {
		return address.toLowerCase(Locale.ROOT).endsWith("@" + this.settings.inboundDomain().toLowerCase(Locale.ROOT));
	}

	private Conversation conversationOf(ParsedEmail parsed) {
		Set<String> referenced = new LinkedHashSet<>(parsed.inReplyTo());
		referenced.addAll(parsed.references());
		List<Conversation> found = referenced.isEmpty() ? List.of()
				: this.emails.findConversationsByMessageIds(referenced);
		if (found.isEmpty() && parsed.messageId() != null) {
			found = this.emails.findConversationsReferring(parsed.messageId());
		}
		return found.isEmpty() ? this.conversations.save(new Conversation()) : found.get(0);
	}

	private void storeAttachments(Email email, List<ParsedAttachment> attachments) {
		for (ParsedAttachment attachment : attachments) {
			String sha256 = sha256(attachment.content());
			AttachmentBlob blob = this.blobs.findBySha256(sha256)
				.orElseGet(() -> this.blobs.save(new AttachmentBlob(sha256, attachment.content())));
			email.addAttachment(blob, attachment.filename(), attachment.contentType(), attachment.contentId(),
					attachment.inline());
		}
	}

	private static AutoSubmission automatic(ParsedEmail parsed, String envelopeFrom) {
		return switch (parsed.autoSubmission()) {
			case BOUNCE -> AutoSubmission.BOUNCE;
			case AUTO_REPLY -> AutoSubmission.AUTO_REPLY;
			case NONE -> envelopeFrom == null || envelopeFrom.isBlank() ? AutoSubmission.BOUNCE : AutoSubmission.NONE;
		};
	}

	/** One email per tenant per Message-ID; without one, a hash of the message as its sender wrote it. */
	static String dedupeKey(ParsedEmail parsed, String contentSha256) {
		if (parsed.messageId() != null && !parsed.messageId().isBlank()) {
			return "mid:" + parsed.messageId().trim().toLowerCase(Locale.ROOT);
		}
		return "sha256:" + contentSha256;
	}

	/**
	 * The listener prepends its own Received header, which differs on every delivery; the same message delivered
	 * twice must hash the same.
	 */
	static byte[] withoutOurReceivedHeader(byte[] raw) {
		String start = new String(raw, 0, Math.min(raw.length, 10), StandardCharsets.US_ASCII);
		if (!start.startsWith("Received:")) {
			return raw;
		}
		for (int i = 0; i + 2 < raw.length; i++) {
			if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] != ' ' && raw[i + 2] != '\t') {
				return java.util.Arrays.copyOfRange(raw, i + 2, raw.length);
			}
		}
		return raw;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
