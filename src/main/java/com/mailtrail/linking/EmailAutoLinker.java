package com.mailtrail.linking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.mailtrail.crm.contact.Contact;
import com.mailtrail.crm.contact.ContactRepository;
import com.mailtrail.crm.deal.Deal;
import com.mailtrail.crm.deal.DealRepository;
import com.mailtrail.crm.deal.DealStatus;
import com.mailtrail.mail.Email;
import com.mailtrail.mail.EmailLinks;
import com.mailtrail.mail.EmailParticipant;
import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.InboundEmailStored;
import com.mailtrail.mail.LinkMode;
import com.mailtrail.mail.MailPreference;
import com.mailtrail.mail.MailPreferences;
import com.mailtrail.mail.OutboundEmailStored;
import com.mailtrail.mail.RecordType;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Links a newly stored email to every contact among its people and, by the user's preference, to a deal: the deal
 * its conversation already belongs to, else the only open deal with those contacts. Runs in the processing
 * transaction, so a failure retries the whole message and a retry finds the links already there.
 */
@Component
class EmailAutoLinker {

	private final EmailRepository emails;

	private final ContactRepository contacts;

	private final DealRepository deals;

	private final EmailLinks links;

	private final MailPreferences preferences;

	EmailAutoLinker(EmailRepository emails, ContactRepository contacts, DealRepository deals, EmailLinks links,
			MailPreferences preferences) {
		this.emails = emails;
		this.contacts = contacts;
		this.deals = deals;
		this.links = links;
		this.preferences = preferences;
	}

	@EventListener
	void on(InboundEmailStored event) {
		link(event.emailId(), event.userId(), event.autoSubmitted());
	}

	/** Mail sent from Mailtrail follows the very same rule; its counterparts are its recipients. */
	@EventListener
	void on(OutboundEmailStored event) {
		link(event.emailId(), event.userId(), false);
	}

	private void link(UUID emailId, UUID userId, boolean autoSubmitted) {
		Email email = this.emails.findById(emailId).orElseThrow();
		MailPreference preference = this.preferences.of(userId);
		Map<String, EmailParticipant> people = new LinkedHashMap<>();
		email.getCounterparts().forEach(p -> people.putIfAbsent(p.getAddress().toLowerCase(Locale.ROOT), p));

		Map<UUID, String> matched = people.isEmpty() ? new LinkedHashMap<>() : matchContacts(people);
		if (!autoSubmitted && preference.isCreateUnknownContacts()) {
			createUnknown(people, matched, userId);
		}
		matched.forEach((contactId, address) -> this.links.link(email.getId(), RecordType.CONTACT, contactId,
				address + " is on this email", null));

		if (autoSubmitted) {
			return;
		}
		UUID conversationDeal = email.getConversation().getDealId();
		if (conversationDeal != null && this.deals.findById(conversationDeal).isPresent()) {
			this.links.link(email.getId(), RecordType.DEAL, conversationDeal, conversationReason(email), null);
			return;
		}
		if (preference.getLinkMode() == LinkMode.AUTOMATIC && !matched.isEmpty()) {
			List<Deal> open = this.deals.findByStatusWithAnyContact(DealStatus.OPEN, matched.keySet());
			if (open.size() == 1) {
				Deal deal = open.get(0);
				this.links.link(email.getId(), RecordType.DEAL, deal.getId(),
						"the only open deal with " + addressOnDeal(deal, matched), null);
			}
		}
	}

	private Map<UUID, String> matchContacts(Map<String, EmailParticipant> people) {
		Map<UUID, String> matched = new LinkedHashMap<>();
		for (Contact contact : this.contacts.findByEmailAddresses(people.keySet())) {
			contact.getEmailAddresses()
				.stream()
				.filter(people::containsKey)
				.findFirst()
				.ifPresent(address -> matched.put(contact.getId(), address));
		}
		return matched;
	}

	private void createUnknown(Map<String, EmailParticipant> people, Map<UUID, String> matched, UUID owner) {
		List<String> known = new ArrayList<>(matched.values());
		for (EmailParticipant person : people.values()) {
			if (known.contains(person.getAddress()) || !person.getAddress().contains("@")) {
				continue;
			}
			Contact contact = new Contact(owner, firstName(person), lastName(person));
			contact.replaceEmails(List.of(person.getAddress()));
			matched.put(this.contacts.save(contact).getId(), person.getAddress());
		}
	}

	private String conversationReason(Email email) {
		return this.emails.findOthersInConversation(email.getConversation(), email.getId())
			.stream()
			.findFirst()
			.map(other -> "same conversation as \"" + (other.getSubject() == null ? "(no subject)" : other.getSubject())
					+ "\"")
			.orElse("same conversation");
	}

	private static String addressOnDeal(Deal deal, Map<UUID, String> matched) {
		if (deal.getPrimaryContactId() != null && matched.containsKey(deal.getPrimaryContactId())) {
			return matched.get(deal.getPrimaryContactId());
		}
		return deal.getParticipantIds()
			.stream()
			.filter(matched::containsKey)
			.map(matched::get)
			.findFirst()
			.orElse(matched.values().iterator().next());
	}

	private static String firstName(EmailParticipant person) {
		String name = person.getName();
		if (name == null || name.isBlank() || !name.trim().contains(" ")) {
			return null;
		}
		return name.trim().substring(0, name.trim().lastIndexOf(' '));
	}

	private static String lastName(EmailParticipant person) {
		String name = person.getName();
		if (name == null || name.isBlank()) {
			return person.getAddress().substring(0, person.getAddress().indexOf('@'));
		}
		String trimmed = name.trim();
		return trimmed.contains(" ") ? trimmed.substring(trimmed.lastIndexOf(' ') + 1) : trimmed;
	}

}
