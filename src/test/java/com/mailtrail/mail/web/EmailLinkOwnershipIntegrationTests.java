package com.mailtrail.mail.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.crm.contact.ContactData;
import com.mailtrail.crm.contact.ContactService;
import com.mailtrail.crm.deal.DealData;
import com.mailtrail.crm.deal.DealService;
import com.mailtrail.crm.deal.DealStatus;
import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.support.ApiClient;
import com.mailtrail.support.HttpSession;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.mailtrail.support.MailDelivery.message;
import static org.assertj.core.api.Assertions.assertThat;

/** A colleague an email is shared with may read it, but only its owner changes what it is linked to. */
@MailtrailIntegrationTest
class EmailLinkOwnershipIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	MailDelivery mail;

	@Autowired
	SmartBccAddresses addresses;

	@Autowired
	ContactService contacts;

	@Autowired
	DealService deals;

	@Autowired
	EmailRepository emails;

	@Test
	void aSharedColleagueSeesTheLinksButCannotChangeThem() {
		var acme = this.tenants.create("Ownership Co");
		UUID rep = acme.rep().id();
		UUID pat = acme.as(() -> this.contacts.create(new ContactData("Pat", "Jones", null, null,
				List.of("pat@owner.example"), rep, Set.of())));
		UUID deal = acme.as(() -> this.deals.create(new DealData("Only deal", BigDecimal.ONE, "USD", DealStatus.OPEN,
				pat, Set.of(), null, rep, Set.of())));
		String repBcc = acme.as(() -> this.addresses.addressOf(rep));
		String otherBcc = acme.as(() -> this.addresses.addressOf(acme.other().id()));
		String id = UUID.randomUUID() + "@owner.example";
		this.mail.send(acme.rep().email(), List.of(repBcc, otherBcc),
				message(acme.rep().email(), "pat@owner.example", null, "Shared thread", id, "Hi"));
		this.mail.awaitProcessed();
		var email = acme.as(() -> this.emails.findByDedupeKey("mid:" + id)).orElseThrow();
		String ownerEmail = email.getOwnerId().equals(rep) ? acme.rep().email() : acme.other().email();
		String colleagueEmail = email.getOwnerId().equals(rep) ? acme.other().email() : acme.rep().email();

		var colleague = ApiClient.login(this.port, colleagueEmail, TestTenants.PASSWORD);
		assertThat(colleague.get("/api/v1/emails/" + email.getId()).status()).isEqualTo(200);
		assertThat(colleague.delete("/api/v1/emails/" + email.getId() + "/links/DEAL/" + deal).status()).isEqualTo(403);
		assertThat(colleague.post("/api/v1/emails/" + email.getId() + "/links",
				Map.of("recordType", "CONTACT", "recordId", pat.toString())).status()).isEqualTo(403);
		var page = new HttpSession(this.port).login(colleagueEmail, TestTenants.PASSWORD).get("/emails/" + email.getId());
		assertThat(page.body()).contains("owner changes its links.").doesNotContain(">Unlink<");

		var owner = ApiClient.login(this.port, ownerEmail, TestTenants.PASSWORD);
		assertThat(owner.delete("/api/v1/emails/" + email.getId() + "/links/DEAL/" + deal).status()).isEqualTo(204);
	}

}
