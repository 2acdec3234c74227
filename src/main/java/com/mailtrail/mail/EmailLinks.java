package com.mailtrail.mail;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links between emails and CRM records. Whether the linking user may see the email and the record is the caller's
 * check; this service keeps one link per email and record, and keeps the conversation's deal in step so later
 * messages follow the last choice.
 */
@Service
public class EmailLinks {

	private final EmailLinkRepository links;

	private final EmailRepository emails;

	EmailLinks(EmailLinkRepository links, EmailRepository emails) {
		this.links = links;
		this.emails = emails;
	}

	@Transactional(readOnly = true)
	public List<EmailLink> of(UUID emailId) {
		return this.links.findByEmailIdOrderByCreatedAt(emailId);
	}

	/** Links the email to the record unless it already is; returns whether a link was added. */
	@Transactional
	public boolean link(UUID emailId, RecordType type, UUID recordId, String reason, UUID linkedBy) {
		if (this.links.findByEmailIdAndRecordTypeAndRecordId(emailId, type, recordId).isPresent()) {
			return false;
		}
		this.links.save(new EmailLink(emailId, type, recordId, reason, linkedBy));
		if (type == RecordType.DEAL) {
			this.emails.findById(emailId).ifPresent(email -> email.getConversation().followDeal(recordId, reason));
		}
		return true;
	}

	/**
	 * Moves the email to this deal: other deal links go, and the conversation follows the choice, so later messages
	 * of the same conversation join this deal instead of the automatic rule.
	 */
	@Transactional
	public void moveToDeal(UUID emailId, UUID dealId, String reason, UUID linkedBy) {
		this.links.findByEmailIdAndRecordType(emailId, RecordType.DEAL)
			.stream()
			.filter(l -> !l.getRecordId().equals(dealId))
			.forEach(this.links::delete);
		link(emailId, RecordType.DEAL, dealId, reason, linkedBy);
		this.emails.findById(emailId).ifPresent(email -> email.getConversation().followDeal(dealId, reason));
	}

	@Transactional
	public boolean unlink(UUID emailId, RecordType type, UUID recordId) {
		var link = this.links.findByEmailIdAndRecordTypeAndRecordId(emailId, type, recordId);
		link.ifPresent(this.links::delete);
		if (link.isPresent() && type == RecordType.DEAL) {
			this.emails.findById(emailId).ifPresent(email -> {
				if (recordId.equals(email.getConversation().getDealId())) {
					email.getConversation().followDeal(null, null);
				}
			});
		}
		return link.isPresent();
	}

}
