package com.mailtrail.mail.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.security.UserAdministration;
import com.mailtrail.support.ApiClient;
import com.mailtrail.support.HttpSession;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.mailtrail.support.MailDelivery.message;
import static org.assertj.core.api.Assertions.assertThat;

/** Explicit shares, and colleagues in To or Cc, per SPEC 5's "explicit shares". */
@MailtrailIntegrationTest
class EmailSharingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	MailDelivery mail;

	@Autowired
	SmartBccAddresses addresses;

	@Autowired
	EmailRepository emails;

	@Autowired
	UserAdministration administration;

	TestTenant acme;

	UUID emailId;

	@BeforeEach
	void repsPrivateEmail() {
		this.acme = this.tenants.create("Sharing Co");
		String bcc = this.acme.as(() -> this.addresses.addressOf(this.acme.rep().id()));
		String id = UUID.randomUUID() + "@sharing.example";
		this.mail.send(this.acme.rep().email(), bcc,
				message(this.acme.rep().email(), "pat@customer.example", null, "Private offer", id, "Terms"));
		this.mail.awaitProcessed();
		this.emailId = this.acme.as(() -> this.emails.findByDedupeKey("mid:" + id)).orElseThrow().getId();
	}

	@Test
	void theOwnerSharesWithAColleagueAndTakesItBack() {
		var other = ApiClient.login(this.port, this.acme.other().email(), TestTenants.PASSWORD);
		assertThat(other.get("/api/v1/emails/" + this.emailId).status()).isEqualTo(404);

		var owner = new HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD);
		owner.get("/emails/" + this.emailId);
		owner.post("/emails/" + this.emailId + "/shares", Map.of("userIds", this.acme.other().id().toString()));
		assertThat(owner.get("/emails/" + this.emailId).body()).contains("Shared with 1 colleague.")
			.contains("Stop sharing");

		assertThat(other.get("/api/v1/emails/" + this.emailId).status()).isEqualTo(200);
		assertThat(other.get("/api/v1/emails?q=Private+offer").json().get("totalElements").asLong()).isEqualTo(1);
		var otherPage = new HttpSession(this.port).login(this.acme.other().email(), TestTenants.PASSWORD);
		assertThat(otherPage.get("/emails?scope=shared").body()).contains("Private offer");
		assertThat(otherPage.get("/emails?scope=mine").body()).doesNotContain("Private offer");

		owner.get("/emails/" + this.emailId);
		owner.post("/emails/" + this.emailId + "/shares/remove", Map.of("userId", this.acme.other().id().toString()));
		assertThat(other.get("/api/v1/emails/" + this.emailId).status()).isEqualTo(404);
	}

	@Test
	void onlyTheOwnerSharesAndOnlyWithColleagues() {
		var ownerApi = ApiClient.login(this.port, this.acme.rep().email(), TestTenants.PASSWORD);
		TestTenant stranger = this.tenants.create("Stranger Co");
		var foreign = ownerApi.post("/api/v1/emails/" + this.emailId + "/shares",
				Map.of("userIds", List.of(stranger.rep().id().toString())));
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(ApiClient.login(this.port, stranger.rep().email(), TestTenants.PASSWORD)
			.get("/api/v1/emails/" + this.emailId)
			.status()).isEqualTo(404);

		assertThat(ownerApi.post("/api/v1/emails/" + this.emailId + "/shares",
				Map.of("userIds", List.of(this.acme.other().id().toString()))).status()).isEqualTo(200);
		var colleague = ApiClient.login(this.port, this.acme.other().email(), TestTenants.PASSWORD);
		assertThat(colleague.post("/api/v1/emails/" + this.emailId + "/shares",
				Map.of("userIds", List.of(this.acme.admin().id().toString()))).status())
			.as("a colleague it is shared with does not pass it on")
			.isEqualTo(403);
		assertThat(ApiClient.login(this.port, this.acme.admin().email(), TestTenants.PASSWORD)
			.get("/api/v1/emails/" + this.emailId)
			.status()).as("the admin role grants nothing").isEqualTo(404);
	}

	@Test
	void aColleagueInCcOrReachedThroughASecondaryAddressSeesTheEmail() {
		String bcc = this.acme.as(() -> this.addresses.addressOf(this.acme.rep().id()));
		String alias = "alias-" + UUID.randomUUID().toString().substring(0, 6) + "@sharing.example";
		this.acme.as(() -> {
			this.administration.addSecondaryEmail(this.acme.admin().id(), alias);
			return null;
		});
		String id = UUID.randomUUID() + "@sharing.example";
		this.mail.send(this.acme.rep().email(), bcc, message(this.acme.rep().email(), "pat@customer.example",
				this.acme.other().email().toUpperCase() + ", " + alias, "Team update", id, "FYI"));
		this.mail.awaitProcessed();
		UUID cc = this.acme.as(() -> this.emails.findByDedupeKey("mid:" + id)).orElseThrow().getId();
		assertThat(ApiClient.login(this.port, this.acme.other().email(), TestTenants.PASSWORD)
			.get("/api/v1/emails/" + cc)
			.status()).isEqualTo(200);
		assertThat(ApiClient.login(this.port, this.acme.admin().email(), TestTenants.PASSWORD)
			.get("/api/v1/emails/" + cc)
			.status()).as("in Cc by a secondary address").isEqualTo(200);
		assertThat(ApiClient.login(this.port, this.acme.other().email(), TestTenants.PASSWORD)
			.get("/api/v1/emails/" + this.emailId)
			.status()).as("but not the rep's other emails").isEqualTo(404);
	}

}
