package com.mailtrail.linking;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.crm.contact.ContactData;
import com.mailtrail.crm.contact.ContactRepository;
import com.mailtrail.crm.contact.ContactService;
import com.mailtrail.crm.deal.DealData;
import com.mailtrail.crm.deal.DealService;
import com.mailtrail.crm.deal.DealStatus;
import com.mailtrail.mail.Email;
import com.mailtrail.mail.EmailLink;
import com.mailtrail.mail.EmailLinks;
import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.LinkMode;
import com.mailtrail.mail.LinkableRecords;
import com.mailtrail.mail.MailPreferences;
import com.mailtrail.mail.RecordType;
import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.mailtrail.support.MailDelivery.message;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC 4 and issue 3's linking rules, end to end: SMTP in, links with their reasons out. */
@MailtrailIntegrationTest
class EmailAutoLinkingIntegrationTests {

	@Autowired
	MailDelivery mail;

	@Autowired
	TestTenants tenants;

	@Autowired
	SmartBccAddresses addresses;

	@Autowired
	ContactService contacts;

	@Autowired
	ContactRepository contactRepository;

	@Autowired
	DealService deals;

	@Autowired
	EmailRepository emails;

	@Autowired
	EmailLinks links;

	@Autowired
	LinkableRecords records;

	@Autowired
	MailPreferences preferences;

	TestTenant acme;

	UUID rep;

	String bcc;

	UUID pat;

	@BeforeEach
	void tenantWithAContact() {
		this.acme = this.tenants.create("Linking Co");
		this.rep = this.acme.rep().id();
		this.bcc = this.acme.as(() -> this.addresses.addressOf(this.rep));
		this.pat = contact("Pat", "pat@globex.example");
	}

	@Test
	void linksToEveryMatchedContactCaseInsensitively() {
		UUID sam = contact("Sam", "sam@globex.example");
		Email email = bcc("Pat <PAT@Globex.Example>", "sam@globex.example");
		assertThat(linkReasons(email, RecordType.CONTACT)).containsExactlyInAnyOrder(
				"pat@globex.example is on this email", "sam@globex.example is on this email");
		assertThat(linkedIds(email, RecordType.CONTACT)).containsExactlyInAnyOrder(this.pat, sam);
	}

	@Test
	void linksToTheOnlyOpenDealAndSaysWhy() {
		UUID deal = deal("Globex renewal", DealStatus.OPEN, this.pat);
		Email email = bcc("pat@globex.example", null);
		assertThat(linkedIds(email, RecordType.DEAL)).containsExactly(deal);
		assertThat(linkReasons(email, RecordType.DEAL)).containsExactly("the only open deal with pat@globex.example");
	}

	@Test
	void noOpenDealLeavesTheEmailUnlinkedAndWonOrLostDealsNeverLink() {
		deal("Won before", DealStatus.WON, this.pat);
		deal("Lost before", DealStatus.LOST, this.pat);
		Email email = bcc("pat@globex.example", null);
		assertThat(linkedIds(email, RecordType.DEAL)).isEmpty();
		assertThat(this.acme.as(() -> this.records.dealCandidates(email.getId(), this.rep))).isEmpty();
	}

	@Test
	void twoOpenDealsLeaveTheEmailUnlinkedWithBothOffered() {
		UUID first = deal("First", DealStatus.OPEN, this.pat);
		UUID second = deal("Second", DealStatus.OPEN, this.pat);
		Email email = bcc("pat@globex.example", null);
		assertThat(linkedIds(email, RecordType.DEAL)).isEmpty();
		assertThat(this.acme.as(() -> this.records.dealCandidates(email.getId(), this.rep)))
			.extracting(LinkableRecords.RecordOption::id)
			.containsExactlyInAnyOrder(first, second);
	}

	@Test
	void aReplyJoinsTheDealItsConversationWasMovedTo() {
		UUID first = deal("First", DealStatus.OPEN, this.pat);
		UUID second = deal("Second", DealStatus.OPEN, this.pat);
		String rootId = UUID.randomUUID() + "@globex.example";
		Email root = deliver(message("pat@globex.example", "rep@linking.example", null, "Quote", rootId, "Hi"));
		this.acme.as(() -> {
			this.links.moveToDeal(root.getId(), second, "linked by Rep", this.rep);
			return null;
		});
		String reply = "From: pat@globex.example\r\nTo: rep@linking.example\r\nSubject: Re: Quote\r\n"
				+ "Message-ID: <" + UUID.randomUUID() + "@globex.example>\r\nIn-Reply-To: <" + rootId + ">\r\n"
				+ "References: <" + rootId + ">\r\n\r\nThanks\r\n";
		Email answer = deliver(reply);
		assertThat(linkedIds(answer, RecordType.DEAL)).containsExactly(second).doesNotContain(first);
		assertThat(linkReasons(answer, RecordType.DEAL)).containsExactly("same conversation as \"Quote\"");
		assertThat(answer.getConversation().getId()).isEqualTo(root.getConversation().getId());
	}

	@Test
	void aCustomersMessageThatReachesTheUserUnchangedIsWithTheCustomerAndJoinsItsConversationsDeal() {
		UUID first = deal("First", DealStatus.OPEN, this.pat);
		UUID second = deal("Second", DealStatus.OPEN, this.pat);
		String rootId = UUID.randomUUID() + "@linking.example";
		Email root = deliver(message(this.acme.rep().email(), "pat@globex.example", null, "Terms", rootId, "Hi Pat"));
		this.acme.as(() -> {
			this.links.moveToDeal(root.getId(), second, "linked by Rep", this.rep);
			return null;
		});
		// A redirect rule delivers Pat's answer as Pat sent it: From Pat, To the rep.
		String answer = "From: Pat <pat@globex.example>\r\nTo: " + this.acme.rep().email() + "\r\nSubject: Re: Terms\r\n"
				+ "Message-ID: <" + UUID.randomUUID() + "@globex.example>\r\nIn-Reply-To: <" + rootId + ">\r\n\r\nAgreed.\r\n";
		Email reply = deliver(answer);
		assertThat(linkedIds(reply, RecordType.CONTACT)).containsExactly(this.pat);
		assertThat(linkedIds(reply, RecordType.DEAL)).containsExactly(second).doesNotContain(first);
	}

	@Test
	void manualModeNeverLinksDealsAutomatically() {
		deal("Only deal", DealStatus.OPEN, this.pat);
		this.acme.as(() -> {
			this.preferences.change(this.rep, false, LinkMode.MANUAL, false);
			return null;
		});
		Email email = bcc("pat@globex.example", null);
		assertThat(linkedIds(email, RecordType.DEAL)).isEmpty();
		assertThat(linkedIds(email, RecordType.CONTACT)).containsExactly(this.pat);
	}

	@Test
	void autoRepliesAndBouncesCreateNoContactsAndNoDealLinks() {
		deal("Only deal", DealStatus.OPEN, this.pat);
		this.acme.as(() -> {
			this.preferences.change(this.rep, false, LinkMode.AUTOMATIC, true);
			return null;
		});
		String autoReply = "From: pat@globex.example\r\nTo: rep@linking.example, new.person@globex.example\r\n"
				+ "Subject: Out of office\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <" + UUID.randomUUID()
				+ "@globex.example>\r\n\r\nI am away.\r\n";
		Email email = deliver(autoReply);
		assertThat(email.getAutoSubmission()).isEqualTo(com.mailtrail.mail.AutoSubmission.AUTO_REPLY);
		assertThat(linkedIds(email, RecordType.DEAL)).isEmpty();
		assertThat(this.acme.as(() -> this.contactRepository.findByEmailAddresses(List.of("new.person@globex.example"))))
			.isEmpty();
	}

	@Test
	void unknownPeopleBecomeContactsWhenTheUserAskedForIt() {
		this.acme.as(() -> {
			this.preferences.change(this.rep, false, LinkMode.AUTOMATIC, true);
			return null;
		});
		Email email = bcc("Nora Newman <nora@initech.example>", null);
		var created = this.acme.as(() -> this.contactRepository.findByEmailAddresses(List.of("nora@initech.example")));
		assertThat(created).hasSize(1);
		assertThat(created.get(0).getFullName()).isEqualTo("Nora Newman");
		assertThat(linkedIds(email, RecordType.CONTACT)).contains(created.get(0).getId());
	}

	@Test
	void aForwardIsWithTheOriginalsPeopleNotTheForwarder() {
		UUID deal = deal("Globex renewal", DealStatus.OPEN, this.pat);
		String forward = "From: " + this.acme.rep().email() + "\r\nTo: " + this.bcc + "\r\nSubject: Fwd: Pricing\r\n"
				+ "Message-ID: <" + UUID.randomUUID() + "@linking.example>\r\n\r\nFor the record.\r\n\r\n"
				+ "---------- Forwarded message ---------\r\nFrom: Pat Jones <pat@globex.example>\r\n"
				+ "Date: Mon, 30 Nov 2026 at 09:15\r\nSubject: Pricing\r\nTo: " + this.acme.rep().email() + "\r\n\r\n"
				+ "What would 50 seats cost?\r\n";
		Email email = deliver(forward);
		assertThat(email.isForwarded()).isTrue();
		assertThat(email.getSubject()).isEqualTo("Pricing");
		assertThat(email.getFromAddress()).isEqualTo("pat@globex.example");
		assertThat(email.getForwardNote()).contains("For the record.");
		assertThat(linkedIds(email, RecordType.CONTACT)).containsExactly(this.pat);
		assertThat(linkedIds(email, RecordType.DEAL)).containsExactly(deal);
	}

	private Email bcc(String to, String cc) {
		return deliver(message(this.acme.rep().email(), to, cc, "Hello " + UUID.randomUUID(),
				UUID.randomUUID() + "@linking.example", "Hi there"));
	}

	private Email deliver(String message) {
		var replies = this.mail.send(this.acme.rep().email(), this.bcc, message);
		assertThat(replies.data()).startsWith("250");
		this.mail.awaitProcessed();
		String id = message.replaceAll("(?s).*Message-ID: <([^>]+)>.*", "$1");
		return this.acme.as(() -> {
			Email email = this.emails.findByDedupeKey("mid:" + id.toLowerCase()).orElseThrow();
			email.getConversation().getId();
			return email;
		});
	}

	private List<UUID> linkedIds(Email email, RecordType type) {
		return this.acme.as(() -> this.links.of(email.getId()))
			.stream()
			.filter(l -> l.getRecordType() == type)
			.map(EmailLink::getRecordId)
			.toList();
	}

	private List<String> linkReasons(Email email, RecordType type) {
		return this.acme.as(() -> this.links.of(email.getId()))
			.stream()
			.filter(l -> l.getRecordType() == type)
			.map(EmailLink::getReason)
			.toList();
	}

	private UUID contact(String name, String address) {
		return this.acme.as(() -> this.contacts.create(new ContactData(name, "Example", "Globex", null,
				List.of(address), this.rep, Set.of())));
	}

	private UUID deal(String title, DealStatus status, UUID contact) {
		return this.acme.as(() -> this.deals.create(new DealData(title, BigDecimal.TEN, "USD", status, contact,
				Set.of(), null, this.rep, Set.of())));
	}

}
