package com.mailtrail.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.mailtrail.tenancy.TenantScopedEntity;
import jakarta.persistence.Basic;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

/**
 * A stored email, received through Smart BCC or sent from Mailtrail. For a forward, the subject, sender and date
 * are the original message's, and the forwarder's own words are kept apart as the forward note.
 */
@Entity
@Table(name = "email")
public class Email extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "owner_id", nullable = false)
	private UUID ownerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Direction direction;

	@Column(name = "message_id")
	private String messageId;

	@Column(name = "dedupe_key", nullable = false)
	private String dedupeKey;

	@Column(name = "content_sha256", nullable = false)
	private String contentSha256;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "conversation_id")
	private Conversation conversation;

	private String subject;

	@Column(name = "received_subject")
	private String receivedSubject;

	@Column(name = "from_name")
	private String fromName;

	@Column(name = "from_address")
	private String fromAddress;

	@Column(name = "sent_at")
	private Instant sentAt;

	@Basic(fetch = FetchType.LAZY)
	@Column(name = "text_body")
	private String textBody;

	@Basic(fetch = FetchType.LAZY)
	@Column(name = "html_body")
	private String htmlBody;

	@Column(nullable = false)
	private boolean forwarded;

	@Column(name = "forward_note")
	private String forwardNote;

	@Column(nullable = false)
	private boolean unreadable;

	private String problems;

	@Enumerated(EnumType.STRING)
	@Column(name = "auto_submission", nullable = false)
	private AutoSubmission autoSubmission = AutoSubmission.NONE;

	@Column(name = "inbound_message_id")
	private UUID inboundMessageId;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now();

	// Kept by database triggers on email_link, read only by the visibility query (EmailRepository.VISIBLE).
	@Column(name = "linked_to_contact", insertable = false, updatable = false)
	private boolean linkedToContact;

	@Column(name = "linked_to_deal", insertable = false, updatable = false)
	private boolean linkedToDeal;

	@Column(name = "linked_to_activity", insertable = false, updatable = false)
	private boolean linkedToActivity;

	@Column(nullable = false)
	private boolean tracked;

	@Enumerated(EnumType.STRING)
	@Column(name = "delivery_status")
	private DeliveryStatus deliveryStatus;

	@Column(name = "delivery_detail")
	private String deliveryDetail;

	@OneToMany(mappedBy = "email", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	@BatchSize(size = 50)
	private List<EmailParticipant> participants = new ArrayList<>();

	@OneToMany(mappedBy = "email", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	@BatchSize(size = 50)
	private List<EmailAttachment> attachments = new ArrayList<>();

	@OneToMany(mappedBy = "email", cascade = CascadeType.ALL, orphanRemoval = true)
	@BatchSize(size = 50)
	private List<EmailReference> references = new ArrayList<>();

	protected Email() {
	}

	public Email(UUID ownerId, Direction direction, String messageId, String dedupeKey, String contentSha256,
			Conversation conversation) {
		this.ownerId = ownerId;
		this.direction = direction;
		this.messageId = messageId;
		this.dedupeKey = dedupeKey;
		this.contentSha256 = contentSha256;
		this.conversation = conversation;
	}

	public void describe(String subject, String fromName, String fromAddress, Instant sentAt) {
		this.subject = subject;
		this.fromName = fromName;
		this.fromAddress = fromAddress;
		this.sentAt = sentAt;
	}

	public void body(String textBody, String htmlBody) {
		this.textBody = textBody;
		this.htmlBody = htmlBody;
	}

	/** The subject of the message as it reached Mailtrail; for a forward it differs from the original's. */
	public void receivedWithSubject(String receivedSubject) {
		this.receivedSubject = receivedSubject;
	}

	public void markForwarded(String note) {
		this.forwarded = true;
		this.forwardNote = note;
	}

	public void markUnreadable(String problems) {
		this.unreadable = true;
		this.problems = problems;
	}

	/** What the parser noticed about a message it could still read, e.g. a From header that may be spoofed. */
	public void noteProblems(String problems) {
		this.problems = problems;
	}

	public void markAutoSubmitted(AutoSubmission kind) {
		this.autoSubmission = kind;
	}

	public void receivedAs(UUID inboundMessageId) {
		this.inboundMessageId = inboundMessageId;
	}

	/** An email composed in Mailtrail waits in the outbox; tracked is the sender's choice for opens and clicks. */
	public void queueForSending(boolean tracked) {
		this.tracked = tracked;
		this.deliveryStatus = DeliveryStatus.QUEUED;
	}

	/** A delivery status report says this sent email did not arrive; detail is the report's diagnostic. */
	public void markBounced(String detail) {
		this.deliveryStatus = DeliveryStatus.BOUNCED;
		this.deliveryDetail = detail;
	}

	public void addParticipant(ParticipantRole role, String name, String address, boolean counterpart) {
		this.participants.add(new EmailParticipant(this, role, name, address, counterpart, this.participants.size()));
	}

	public void addAttachment(AttachmentBlob blob, String filename, String contentType, String contentId,
			boolean inline) {
		this.attachments.add(new EmailAttachment(this, blob, filename, contentType, contentId, inline,
				this.attachments.size()));
	}

	public void addReferences(Collection<String> messageIds) {
		messageIds.stream().distinct().forEach(id -> this.references.add(new EmailReference(this, id)));
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getOwnerId() {
		return this.ownerId;
	}

	public Direction getDirection() {
		return this.direction;
	}

	public String getMessageId() {
		return this.messageId;
	}

	public String getDedupeKey() {
		return this.dedupeKey;
	}

	public String getContentSha256() {
		return this.contentSha256;
	}

	public Conversation getConversation() {
		return this.conversation;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getReceivedSubject() {
		return this.receivedSubject;
	}

	public String getFromName() {
		return this.fromName;
	}

	public String getFromAddress() {
		return this.fromAddress;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

	public String getTextBody() {
		return this.textBody;
	}

	public String getHtmlBody() {
		return this.htmlBody;
	}

	public boolean isForwarded() {
		return this.forwarded;
	}

	public String getForwardNote() {
		return this.forwardNote;
	}

	public boolean isUnreadable() {
		return this.unreadable;
	}

	public String getProblems() {
		return this.problems;
	}

	public AutoSubmission getAutoSubmission() {
		return this.autoSubmission;
	}

	public UUID getInboundMessageId() {
		return this.inboundMessageId;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public boolean isTracked() {
		return this.tracked;
	}

	public DeliveryStatus getDeliveryStatus() {
		return this.deliveryStatus;
	}

	public String getDeliveryDetail() {
		return this.deliveryDetail;
	}

	public List<EmailParticipant> getParticipants() {
		return List.copyOf(this.participants);
	}

	public List<EmailAttachment> getAttachments() {
		return List.copyOf(this.attachments);
	}

	public List<String> getReferences() {
		return this.references.stream().map(EmailReference::getMessageId).toList();
	}

	/** The people the email is with: the addresses contacts are matched on. */
	public List<EmailParticipant> getCounterparts() {
		return this.participants.stream().filter(EmailParticipant::isCounterpart).toList();
	}

}
