package com.mailtrail.mail.inbound.parsing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the parser could read from one raw message. Never partially constructed: fields it could not
 * read are {@code null} or empty, and {@link #problems()} says why.
 *
 * @param messageId the Message-ID without angle brackets, or {@code null} when absent or invalid
 * @param inReplyTo the valid ids of In-Reply-To, de-duplicated, in order
 * @param references the valid ids of References, de-duplicated, in order
 * @param from the first mailbox of From, or {@code null}
 * @param to the To recipients
 * @param cc the Cc recipients
 * @param replyTo the Reply-To mailboxes
 * @param subject the decoded subject, or {@code null}
 * @param date the Date header, or {@code null} when absent or unreadable
 * @param textBody the plain-text body (derived from the HTML body when there is no text part)
 * @param htmlBody the HTML body as sent (unsanitised), or {@code null}
 * @param attachments every non-body part; an attached message counts as one
 * @param forwarded the first forwarded original, or {@code null} when the message is not a forward
 * @param autoSubmission whether a machine sent the message
 * @param bouncedMessageId for a bounce, the Message-ID of the message that bounced, if found
 * @param readable {@code false} when the content could not be understood at all
 * @param problems what went wrong while parsing, for the people who look at flagged messages
 * @param authors every mailbox of From ({@link #from()} is the first)
 * @param forwardedMessages every forwarded original (several messages may be attached)
 * @param sha256 the SHA-256 hex of the raw bytes, to recognise a message without a Message-ID
 */
public record ParsedEmail(String messageId, List<String> inReplyTo, List<String> references, EmailParticipant from,
		List<EmailParticipant> to, List<EmailParticipant> cc, List<EmailParticipant> replyTo, String subject,
		Instant date, String textBody, String htmlBody, List<ParsedAttachment> attachments,
		ForwardedMessage forwarded, AutoSubmission autoSubmission, String bouncedMessageId, boolean readable,
		List<String> problems, List<EmailParticipant> authors, List<ForwardedMessage> forwardedMessages,
		String sha256) {

	public ParsedEmail {
		inReplyTo = List.copyOf(inReplyTo);
		references = List.copyOf(references);
		to = List.copyOf(to);
		cc = List.copyOf(cc);
		replyTo = List.copyOf(replyTo);
		attachments = List.copyOf(attachments);
		problems = List.copyOf(problems);
		authors = List.copyOf(authors);
		forwardedMessages = List.copyOf(forwardedMessages);
	}

	/**
	 * Who the email is with (SPEC section 3): for a forward the participants of the original messages (From, To
	 * and Cc), otherwise To and Cc; without the given own addresses (compared case-insensitively),
	 * de-duplicated by address, in order of appearance.
	 */
	public List<EmailParticipant> people(Set<String> ownAddresses) {
		Set<String> own = ownAddresses.stream().map((a) -> a.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
		List<EmailParticipant> candidates = new ArrayList<>();
		if (this.forwardedMessages.isEmpty()) {
			candidates.addAll(this.to);
			candidates.addAll(this.cc);
		}
		else {
			for (ForwardedMessage original : this.forwardedMessages) {
				if (original.from() != null) {
					candidates.add(original.from());
				}
				candidates.addAll(original.to());
				candidates.addAll(original.cc());
			}
		}
		Map<String, EmailParticipant> byAddress = new LinkedHashMap<>();
		for (EmailParticipant candidate : candidates) {
			String address = candidate.address();
			if (!address.isEmpty() && !own.contains(address)) {
				byAddress.putIfAbsent(address, candidate);
			}
		}
		return List.copyOf(byAddress.values());
	}

	/** Leaves the contents out: bodies, addresses and problem details (which quote headers) are customer data. */
	@Override
	public String toString() {
		return "ParsedEmail[messageId=" + this.messageId + ", readable=" + this.readable + ", attachments="
				+ this.attachments.size() + ", forwarded=" + (this.forwarded != null) + ", autoSubmission="
				+ this.autoSubmission + ", problems=" + this.problems.size() + "]";
	}

}
