package com.mailtrail.mail.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mailtrail.html.HtmlSanitizer;
import com.mailtrail.mail.Direction;
import com.mailtrail.mail.Email;
import com.mailtrail.mail.EmailAttachment;
import com.mailtrail.mail.EmailParticipant;
import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.LinkableRecords;
import com.mailtrail.mail.LinkableRecords.Recipient;
import com.mailtrail.mail.MailPreferences;
import com.mailtrail.mail.MailSettings;
import com.mailtrail.mail.ParticipantRole;
import com.mailtrail.mail.RecordType;
import com.mailtrail.mail.outbound.SmtpAccount;
import com.mailtrail.mail.outbound.SmtpAccounts;
import com.mailtrail.security.UserDirectory;
import org.springframework.web.util.HtmlUtils;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the compose form starts with: the people of the record it was opened from, or, for a reply, reply all and
 * forward, the original's people, subject and quoted text. The original is read through the repository's
 * visibility query, so only an email the user may see can be answered.
 */
@Service
@Transactional(readOnly = true)
class ComposePrefill {

	private final EmailRepository emails;

	private final LinkableRecords records;

	private final UserDirectory users;

	private final SmtpAccounts accounts;

	private final MailSettings mailSettings;

	private final HtmlSanitizer sanitizer;

	private final MailPreferences preferences;

	ComposePrefill(EmailRepository emails, LinkableRecords records, UserDirectory users, SmtpAccounts accounts,
			MailSettings mailSettings, HtmlSanitizer sanitizer, MailPreferences preferences) {
		this.emails = emails;
		this.records = records;
		this.users = users;
		this.accounts = accounts;
		this.mailSettings = mailSettings;
		this.sanitizer = sanitizer;
		this.preferences = preferences;
	}

	/** An empty form, tracked or not as the user's Email Preference says. */
	private ComposeForm newForm(UUID viewer) {
		ComposeForm form = new ComposeForm();
		form.setTracked(this.preferences.trackByDefault(viewer));
		return form;
	}

	ComposeForm fresh(RecordType type, UUID recordId, String to, UUID viewer) {
		ComposeForm form = newForm(viewer);
		if (type != null && recordId != null && this.records.visible(type, recordId, viewer)) {
			form.setRecordType(type);
			form.setRecordId(recordId);
			form.setTo(join(this.records.recipientsOf(type, recordId, viewer)));
		}
		if (to != null && !to.isBlank() && !ComposeChecks.hasLineBreak(to)) {
			form.setTo(to.strip());
		}
		return form;
	}

	ComposeForm reply(UUID emailId, boolean all, UUID viewer) {
		Email original = visible(emailId, viewer);
		Set<String> own = ownAddresses(viewer);
		Map<String, Recipient> to = new LinkedHashMap<>();
		Map<String, Recipient> cc = new LinkedHashMap<>();
		List<EmailParticipant> people = original.getParticipants();
		if (original.getDirection() == Direction.OUTBOUND) {
			// Answering one's own sent mail continues the conversation with its recipients.
			add(to, role(people, ParticipantRole.TO), own);
		}
		else {
			List<EmailParticipant> replyTo = role(people, ParticipantRole.REPLY_TO);
			if (!replyTo.isEmpty()) {
				add(to, replyTo, own);
			}
			else if (original.getFromAddress() != null) {
				put(to, new Recipient(original.getFromName(), original.getFromAddress()), own);
			}
		}
		if (all) {
			add(to, role(people, ParticipantRole.TO), own);
			add(cc, role(people, ParticipantRole.CC), own);
			to.keySet().forEach(cc::remove);
		}
		ComposeForm form = newForm(viewer);
		form.setReplyTo(original.getId());
		form.setTo(join(to.values()));
		form.setCc(join(cc.values()));
		form.setSubject(prefixed("Re:", original.getSubject()));
		form.setBody("<p><br></p><p>On " + HtmlUtils.htmlEscape(EmailViews.date(original.getSentAt())) + ", "
				+ HtmlUtils.htmlEscape(sender(original)) + " wrote:</p><blockquote>" + quoted(original)
				+ "</blockquote>");
		return form;
	}

	ComposeForm forward(UUID emailId, UUID viewer) {
		Email original = visible(emailId, viewer);
		ComposeForm form = newForm(viewer);
		form.setForwardOf(original.getId());
		form.setSubject(prefixed("Fwd:", original.getSubject()));
		String to = role(original.getParticipants(), ParticipantRole.TO).stream()
			.map(p -> new Recipient(p.getName(), p.getAddress()).display())
			.collect(Collectors.joining(", "));
		form.setBody("<p><br></p><p>---------- Forwarded message ----------<br>From: "
				+ HtmlUtils.htmlEscape(sender(original)) + "<br>Date: "
				+ HtmlUtils.htmlEscape(EmailViews.date(original.getSentAt())) + "<br>Subject: "
				+ HtmlUtils.htmlEscape(original.getSubject() == null ? "" : original.getSubject()) + "<br>To: "
				+ HtmlUtils.htmlEscape(to) + "</p>" + quoted(original));
		return form;
	}

	/** Names of the original's attachments that a forward carries along. */
	List<String> forwardedAttachments(UUID emailId, UUID viewer) {
		return visible(emailId, viewer).getAttachments().stream().map(EmailAttachment::getFilename).toList();
	}

	String subjectOf(UUID emailId, UUID viewer) {
		return EmailViews.subject(visible(emailId, viewer).getSubject());
	}

	private String quoted(Email original) {
		if (original.getHtmlBody() != null && !original.getHtmlBody().isBlank()) {
			return this.sanitizer.sanitize(original.getHtmlBody());
		}
		String text = original.getTextBody() == null ? "" : original.getTextBody();
		return "<p>" + HtmlUtils.htmlEscape(text).replace("\n", "<br>") + "</p>";
	}

	private Email visible(UUID emailId, UUID viewer) {
		return this.emails.findVisible(emailId, viewer).orElseThrow(() -> new EmailNotFoundException("email"));
	}

	private Set<String> ownAddresses(UUID viewer) {
		Set<String> own = this.users.addressesOf(viewer)
			.stream()
			.map(a -> a.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		this.accounts.of(viewer).map(SmtpAccount::getSenderAddress).ifPresent(a -> own.add(a.toLowerCase(Locale.ROOT)));
		return own;
	}

	private void add(Map<String, Recipient> into, List<EmailParticipant> people, Set<String> own) {
		people.forEach(p -> put(into, new Recipient(p.getName(), p.getAddress()), own));
	}

	private void put(Map<String, Recipient> into, Recipient recipient, Set<String> own) {
		String address = recipient.address().toLowerCase(Locale.ROOT);
		boolean smartBcc = address.endsWith("@" + this.mailSettings.inboundDomain().toLowerCase(Locale.ROOT));
		if (!own.contains(address) && !smartBcc) {
			into.putIfAbsent(address, recipient);
		}
	}

	private static List<EmailParticipant> role(List<EmailParticipant> people, ParticipantRole role) {
		return people.stream().filter(p -> p.getRole() == role).toList();
	}

	private static String sender(Email email) {
		return new Recipient(email.getFromName(), email.getFromAddress() == null ? "unknown sender"
				: email.getFromAddress()).display();
	}

	private static String prefixed(String prefix, String subject) {
		String s = subject == null ? "" : subject.strip();
		return s.regionMatches(true, 0, prefix, 0, prefix.length()) ? s : (prefix + " " + s).strip();
	}

	private static String join(java.util.Collection<Recipient> recipients) {
		List<String> shown = new ArrayList<>();
		recipients.forEach(r -> shown.add(r.display()));
		return String.join(", ", shown);
	}

}
