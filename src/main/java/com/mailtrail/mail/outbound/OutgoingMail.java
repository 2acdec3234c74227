package com.mailtrail.mail.outbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mailtrail.html.HtmlSanitizer;
import com.mailtrail.mail.AttachmentBlob;
import com.mailtrail.mail.AttachmentBlobRepository;
import com.mailtrail.mail.Conversation;
import com.mailtrail.mail.ConversationRepository;
import com.mailtrail.mail.Direction;
import com.mailtrail.mail.Email;
import com.mailtrail.mail.EmailAttachment;
import com.mailtrail.mail.EmailLinks;
import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.LinkableRecords;
import com.mailtrail.mail.MailSettings;
import com.mailtrail.mail.OutboundEmailStored;
import com.mailtrail.mail.ParticipantRole;
import com.mailtrail.mail.RecordType;
import com.mailtrail.mail.outbound.OutgoingDraft.NewAttachment;
import com.mailtrail.mail.outbound.OutgoingDraft.Recipient;
import com.mailtrail.security.UserDirectory;
import com.mailtrail.signatures.Signatures;
import com.mailtrail.tenancy.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submitting, retrying and cancelling mail sent from Mailtrail. Submitting stores the email (so it is on lists and
 * timelines at once, marked queued) and its outbox entry in one transaction; the sending happens afterwards, in the
 * background ({@link OutboxSendingJob}).
 */
@Service
public class OutgoingMail {

	private final SmtpAccounts accounts;

	private final EmailRepository emails;

	private final ConversationRepository conversations;

	private final AttachmentBlobRepository blobs;

	private final OutboxEntryRepository outbox;

	private final OutboxQueries queries;

	private final Signatures signatures;

	private final HtmlSanitizer sanitizer;

	private final UserDirectory users;

	private final EmailLinks links;

	private final LinkableRecords records;

	private final ApplicationEventPublisher events;

	private final String messageIdDomain;

	OutgoingMail(SmtpAccounts accounts, EmailRepository emails, ConversationRepository conversations,
			AttachmentBlobRepository blobs, OutboxEntryRepository outbox, OutboxQueries queries,
			Signatures signatures, HtmlSanitizer sanitizer, UserDirectory users, EmailLinks links,
			LinkableRecords records, ApplicationEventPublisher events, OutboundSettings settings,
			MailSettings mailSettings) {
		this.accounts = accounts;
		this.emails = emails;
		this.conversations = conversations;
		this.blobs = blobs;
		this.outbox = outbox;
		this.queries = queries;
		this.signatures = signatures;
		this.sanitizer = sanitizer;
		this.users = users;
		this.links = links;
		this.records = records;
		this.events = events;
		this.messageIdDomain = settings.messageIdDomain() == null || settings.messageIdDomain().isBlank()
				? mailSettings.inboundDomain() : settings.messageIdDomain();
	}

	/** Stores the email and queues it; returns the email's id. */
	@Transactional
	public UUID submit(OutgoingDraft draft) {
		SmtpAccount account = this.accounts.of(draft.ownerId()).orElseThrow(NoSmtpAccountException::new);
		Email original = draft.replyTo() != null ? visible(draft.replyTo(), draft.ownerId()) : null;
		Email forwarded = draft.forwardOf() != null ? visible(draft.forwardOf(), draft.ownerId()) : null;

		String body = this.sanitizer.sanitize(draft.html() == null ? "" : draft.html()).strip();
		String html = withSignatureAndDisclaimer(body, draft.ownerId());
		String text = asText(body, draft.ownerId());

		// Stored bare, like the Message-IDs of received mail, so replies thread onto it.
		String messageId = UUID.randomUUID() + "@" + this.messageIdDomain;
		Conversation conversation = original != null ? original.getConversation()
				: this.conversations.save(new Conversation());
		Email email = new Email(draft.ownerId(), Direction.OUTBOUND, messageId,
				"mid:" + messageId.toLowerCase(Locale.ROOT), sha256(messageId + "\n" + html), conversation);
		email.describe(draft.subject(), account.getSenderName(), account.getSenderAddress().toLowerCase(Locale.ROOT),
				Instant.now());
		email.body(text, html);
		email.queueForSending(draft.tracked());

		Set<String> own = ownAddresses(draft.ownerId(), account);
		email.addParticipant(ParticipantRole.FROM, account.getSenderName(),
				account.getSenderAddress().toLowerCase(Locale.ROOT), false);
		addRecipients(email, ParticipantRole.TO, draft.to(), own);
		addRecipients(email, ParticipantRole.CC, draft.cc(), own);
		addRecipients(email, ParticipantRole.BCC, draft.bcc(), own);

		for (NewAttachment attachment : draft.attachments()) {
			String sha256 = sha256(attachment.content());
			AttachmentBlob blob = this.blobs.findBySha256(sha256)
				.orElseGet(() -> this.blobs.save(new AttachmentBlob(sha256, attachment.content())));
			email.addAttachment(blob, attachment.filename(), attachment.contentType(), null, false);
		}
		if (forwarded != null) {
			for (EmailAttachment attachment : forwarded.getAttachments()) {
				email.addAttachment(attachment.getBlob(), attachment.getFilename(), attachment.getContentType(),
						attachment.getContentId(), attachment.isInline());
			}
		}

		String inReplyTo = null;
		String references = null;
		if (original != null && original.getMessageId() != null) {
			inReplyTo = original.getMessageId();
			List<String> chain = new ArrayList<>(original.getReferences());
			chain.remove(inReplyTo);
			chain.add(inReplyTo);
			references = String.join(" ", chain);
			email.addReferences(chain);
		}
		this.emails.save(email);
		this.outbox.save(new OutboxEntry(email.getId(), draft.ownerId(), inReplyTo, references));

		if (draft.recordType() != null && draft.recordId() != null
				&& this.records.visible(draft.recordType(), draft.recordId(), draft.ownerId())) {
			this.links.link(email.getId(), draft.recordType(), draft.recordId(),
					"sent from this " + draft.recordType().name().toLowerCase(Locale.ROOT), draft.ownerId());
		}
		this.events.publishEvent(new OutboundEmailStored(TenantContext.required(), email.getId(), draft.ownerId()));
		this.events.publishEvent(new OutboxEntryQueued());
		return email.getId();
	}

	/** Queues a failed or cancelled email again; false when it is not the user's or not in such a state. */
	public boolean retry(UUID emailId, UUID userId) {
		boolean queued = this.queries.retry(TenantContext.required(), emailId, userId);
		if (queued) {
			this.events.publishEvent(new OutboxEntryQueued());
		}
		return queued;
	}

	/** Cancels a queued or failed email; false when it is being sent right now, already sent, or not the user's. */
	public boolean cancel(UUID emailId, UUID userId) {
		return this.queries.cancel(TenantContext.required(), emailId, userId);
	}

	/** How sending an email went, for its view. Whether the viewer may see the email is the caller's check. */
	public Optional<Delivery> delivery(UUID emailId) {
		return this.queries.delivery(TenantContext.required(), emailId)
			.map(d -> new Delivery(d.status(), d.detail(), d.attempts(), d.nextAttemptAt()));
	}

	/** The user's emails that could not be sent, for the notice on the Email page. */
	public List<FailedSend> failedOf(UUID userId) {
		return this.queries.failedOf(TenantContext.required(), userId)
			.stream()
			.map(f -> new FailedSend(f.emailId(), f.subject() == null || f.subject().isBlank() ? "(no subject)"
					: f.subject(), f.reply()))
			.toList();
	}

	/** Which of these Message-IDs are of mail the current tenant sent from Mailtrail. */
	public Set<String> sentMessageIds(Collection<String> messageIds) {
		return Set.copyOf(this.queries.sentMessageIds(TenantContext.required(), messageIds));
	}

	/** The body with the signature, then the company disclaimer unless the body (a quoted email) carries it. */
	String withSignatureAndDisclaimer(String body, UUID ownerId) {
		StringBuilder html = new StringBuilder(body);
		String signature = this.signatures.signatureOf(ownerId);
		if (!signature.isBlank()) {
			html.append("\n<div class=\"mailtrail-signature\">").append(signature).append("</div>");
		}
		String disclaimer = this.signatures.disclaimer();
		if (!disclaimer.isBlank() && !carries(body, disclaimer)) {
			html.append("\n<div class=\"mailtrail-disclaimer\">").append(disclaimer).append("</div>");
		}
		return html.toString();
	}

	private String asText(String body, UUID ownerId) {
		StringBuilder text = new StringBuilder(Signatures.asText(body));
		String signature = Signatures.asText(this.signatures.signatureOf(ownerId));
		if (!signature.isBlank()) {
			text.append("\n\n-- \n").append(signature);
		}
		String disclaimer = this.signatures.disclaimer();
		if (!disclaimer.isBlank() && !carries(body, disclaimer)) {
			text.append("\n\n").append(Signatures.asText(disclaimer));
		}
		return text.append('\n').toString();
	}

	/** Whether the body (a quoted email) already carries the disclaimer, so it is not repeated. */
	static boolean carries(String body, String disclaimer) {
		String needle = normalise(Signatures.asText(disclaimer));
		return !needle.isEmpty() && normalise(Signatures.asText(body)).contains(needle);
	}

	private static String normalise(String text) {
		return text.replaceAll("[\\s>]+", " ").strip().toLowerCase(Locale.ROOT);
	}

	private Email visible(UUID emailId, UUID userId) {
		return this.emails.findVisible(emailId, userId)
			.orElseThrow(() -> new IllegalArgumentException("The email to answer or forward is not visible"));
	}

	private Set<String> ownAddresses(UUID ownerId, SmtpAccount account) {
		Set<String> own = this.users.addressesOf(ownerId)
			.stream()
			.map(a -> a.toLowerCase(Locale.ROOT))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		own.add(account.getSenderAddress().toLowerCase(Locale.ROOT));
		return own;
	}

	private static void addRecipients(Email email, ParticipantRole role, List<Recipient> recipients, Set<String> own) {
		for (Recipient r : recipients) {
			String address = r.address().toLowerCase(Locale.ROOT);
			email.addParticipant(role, r.name(), address, !own.contains(address));
		}
	}

	private static String sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** status: QUEUED, SENDING, SENT, FAILED, CANCELLED or BOUNCED; detail: the server's words, if any. */
	public record Delivery(String status, String detail, int attempts, Instant nextAttemptAt) {

		public boolean cancellable() {
			return "QUEUED".equals(this.status) || "FAILED".equals(this.status);
		}

		public boolean retryable() {
			return "FAILED".equals(this.status) || "CANCELLED".equals(this.status);
		}

	}

	public record FailedSend(UUID emailId, String subject, String reply) {
	}

	/** After commit, the sender looks at once instead of at its next poll. */
	record OutboxEntryQueued() {
	}

}
