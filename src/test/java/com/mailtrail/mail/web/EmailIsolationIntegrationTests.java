package com.mailtrail.mail.web;

import java.util.List;
import java.util.Map;

import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.support.ApiClient;
import com.mailtrail.support.HttpSession;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import com.mailtrail.support.TestTenants.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An email is invisible, on every page and API route, to users of other tenants and, under today's rule, to
 * colleagues it is not shared with: they get the same 404 as for an email that does not exist.
 */
@MailtrailIntegrationTest
class EmailIsolationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	MailDelivery delivery;

	@Autowired
	SmartBccAddresses addresses;

	TestTenant a;

	TestTenant b;

	String subject;

	String emailId;

	String attachmentId;

	@BeforeEach
	void deliverAnEmailToTenantA() {
		this.a = this.tenants.create("Isolation A");
		this.b = this.tenants.create("Isolation B");
		EmailFixtures mail = new EmailFixtures(this.delivery, this.addresses);
		this.subject = EmailFixtures.unique("Tenant A secret");
		mail.deliver(this.a, this.a.rep(), EmailFixtures.hostileHtml(this.a.rep().email(),
				"Pat <pat.isolation@customer.example>", this.subject, "secret-marker"));
		ApiClient owner = ApiClient.login(this.port, this.a.rep().email(), TestTenants.PASSWORD);
		this.emailId = EmailFixtures.idOf(owner, this.subject);
		this.attachmentId = owner.get("/api/v1/emails/" + this.emailId).json().get("attachments").get(0).get("id")
			.asString();
	}

	@Test
	void aUserOfAnotherTenantGetsNotFoundOnEveryRouteAndNeverSeesItListed() {
		String dealOfB = ApiClient.login(this.port, this.b.rep().email(), TestTenants.PASSWORD)
			.post("/api/v1/deals", Map.of("title", "B deal"))
			.json()
			.get("id")
			.asString();
		assertHidden(this.b, this.b.rep(), dealOfB);
		assertHidden(this.b, this.b.admin(), dealOfB);
	}

	@Test
	void aColleagueItIsNotSharedWithGetsNotFoundToo() {
		ApiClient colleague = ApiClient.login(this.port, this.a.other().email(), TestTenants.PASSWORD);
		String dealOfA = colleague.post("/api/v1/deals", Map.of("title", "A deal", "followerIds", List.of()))
			.json()
			.get("id")
			.asString();
		assertHidden(this.a, this.a.other(), dealOfA);
		// Being an admin grants nothing either: hierarchy does not apply to email.
		assertHidden(this.a, this.a.admin(), dealOfA);
	}

	private void assertHidden(TestTenant tenant, TestUser user, String visibleDealId) {
		HttpSession web = new HttpSession(this.port).login(user.email(), TestTenants.PASSWORD);
		String base = "/emails/" + this.emailId;
		for (String path : List.of(base, base + "/body", base + "/body?images=remote",
				base + "/attachments/" + this.attachmentId, base + "/raw")) {
			var page = web.get(path);
			assertThat(page.status()).as("GET %s as %s", path, user.email()).isEqualTo(404);
			assertThat(page.body()).doesNotContain(this.subject, "secret-marker");
		}
		web.get("/emails");
		assertThat(web.post(base + "/links", Map.of("recordType", "DEAL", "recordId", visibleDealId)).status())
			.isEqualTo(404);
		assertThat(web.post(base + "/links/remove", Map.of("recordType", "DEAL", "recordId", visibleDealId)).status())
			.isEqualTo(404);
		assertThat(web.post(base + "/deal", Map.of("dealId", visibleDealId)).status()).isEqualTo(404);
		for (String list : List.of("/emails", "/emails?scope=all", "/emails?q=" + this.subject.replace(" ", "+"),
				"/emails?q=pat.isolation", "/emails?linked=unlinked", "/emails?linked=linked")) {
			// The search box repeats the query, so look for the email itself.
			assertThat(web.get(list).body()).as("GET %s as %s", list, user.email())
				.doesNotContain(this.emailId, "secret-marker", "pat.isolation@customer.example");
		}
		assertThat(web.get("/deals/" + visibleDealId).body()).doesNotContain(this.subject);

		ApiClient api = ApiClient.login(this.port, user.email(), TestTenants.PASSWORD);
		assertThat(api.get("/api/v1" + base).status()).isEqualTo(404);
		assertThat(api.post("/api/v1" + base + "/links", Map.of("recordType", "DEAL", "recordId", visibleDealId))
			.status()).isEqualTo(404);
		assertThat(api.delete("/api/v1" + base + "/links/DEAL/" + visibleDealId).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/emails?q=" + this.subject.replace(" ", "+")).json().get("totalElements").asLong())
			.isZero();
		assertThat(api.get("/api/v1/emails").body()).doesNotContain(this.subject);
		assertThat(api.get("/api/v1/emails?deal=" + visibleDealId).body()).doesNotContain(this.subject);
	}

}
