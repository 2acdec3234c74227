package com.mailtrail.mail.web;

import java.util.List;
import java.util.Map;

import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.support.ApiClient;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@MailtrailIntegrationTest
class EmailApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	MailDelivery delivery;

	@Autowired
	SmartBccAddresses addresses;

	TestTenant company;

	EmailFixtures mail;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.company = this.tenants.create("Api Mail Co");
		this.mail = new EmailFixtures(this.delivery, this.addresses);
		this.api = ApiClient.login(this.port, this.company.rep().email(), TestTenants.PASSWORD);
	}

	@Test
	void describesAnEmailWithParticipantsLinksAttachmentsAndFlags() {
		var contact = this.api.post("/api/v1/contacts",
				Map.of("firstName", "Pat", "lastName", "Api", "emails", List.of("pat.api@customer.example")));
		String contactId = contact.json().get("id").asString();
		String dealId = this.api.post("/api/v1/deals", Map.of("title", "Api renewal", "primaryContactId", contactId))
			.json()
			.get("id")
			.asString();
		String subject = EmailFixtures.unique("Api proposal");
		this.mail.deliver(this.company, this.company.rep(), EmailFixtures.hostileHtml(
				"Rep <" + this.company.rep().email() + ">", "Pat Api <pat.api@customer.example>", subject, "x"));
		String id = EmailFixtures.idOf(this.api, subject);

		var email = this.api.get("/api/v1/emails/" + id);
		assertThat(email.status()).isEqualTo(200);
		var json = email.json();
		assertThat(json.get("subject").asString()).isEqualTo(subject);
		assertThat(json.get("direction").asString()).isEqualTo("INBOUND");
		assertThat(json.get("to").get(0).get("address").asString()).isEqualTo("pat.api@customer.example");
		assertThat(json.get("date").asString()).startsWith("2026-12-03T12:00");
		assertThat(json.get("participants").findValuesAsString("role")).contains("FROM", "TO");
		assertThat(json.get("attachments")).hasSize(2);
		assertThat(json.get("attachments").get(0).has("contentType")).isTrue();
		assertThat(json.get("flags").get("unreadable").asBoolean()).isFalse();
		assertThat(json.get("flags").get("autoSubmission").asString()).isEqualTo("NONE");
		assertThat(json.get("links").findValuesAsString("recordType")).containsExactlyInAnyOrder("CONTACT", "DEAL");
		assertThat(json.get("links").findValuesAsString("reason"))
			.contains("the only open deal with pat.api@customer.example");

		var byDeal = this.api.get("/api/v1/emails?deal=" + dealId).json();
		assertThat(byDeal.get("totalElements").asLong()).isEqualTo(1);
		assertThat(byDeal.get("items").get(0).get("id").asString()).isEqualTo(id);
		assertThat(this.api.get("/api/v1/emails?contact=" + contactId).json().get("totalElements").asLong()).isEqualTo(1);
		assertThat(this.api.get("/api/v1/emails?contact=" + contactId + "&q=nothing-like-this").json()
			.get("totalElements")
			.asLong()).isZero();
		var ambiguous = this.api.get("/api/v1/emails?contact=" + contactId + "&deal=" + dealId);
		assertThat(ambiguous.status()).isEqualTo(400);
		assertThat(ambiguous.contentType()).contains("application/problem+json");
	}

	@Test
	void linksAndUnlinksWithTheUsersNameAsReason() {
		String subject = EmailFixtures.unique("Api link");
		this.mail.deliver(this.company, this.company.rep(),
				EmailFixtures.plain(this.company.rep().email(), "someone@unknown.example", subject, "Hello"));
		String id = EmailFixtures.idOf(this.api, subject);
		String contactId = this.api
			.post("/api/v1/contacts", Map.of("firstName", "Lee", "lastName", "Linked", "emails", List.of("lee@x.example")))
			.json()
			.get("id")
			.asString();
		String dealId = this.api.post("/api/v1/deals", Map.of("title", "Api linked deal", "primaryContactId", contactId))
			.json()
			.get("id")
			.asString();

		var created = this.api.post("/api/v1/emails/" + id + "/links", Map.of("recordType", "DEAL", "recordId", dealId));
		assertThat(created.status()).isEqualTo(201);
		String repName = "Rep " + this.company.rep().email().substring(4, 12);
		assertThat(created.json().get("reason").asString()).isEqualTo("linked by " + repName);
		assertThat(created.json().get("name").asString()).isEqualTo("Api linked deal");
		assertThat(this.api.post("/api/v1/emails/" + id + "/links", Map.of("recordType", "DEAL", "recordId", dealId))
			.status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/emails?deal=" + dealId).json().get("totalElements").asLong()).isEqualTo(1);

		assertThat(this.api.delete("/api/v1/emails/" + id + "/links/DEAL/" + dealId).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/emails/" + id).json().get("links")).isEmpty();
		var again = this.api.delete("/api/v1/emails/" + id + "/links/DEAL/" + dealId);
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.contentType()).contains("application/problem+json");

		var missing = this.api.post("/api/v1/emails/" + id + "/links",
				Map.of("recordType", "DEAL", "recordId", java.util.UUID.randomUUID().toString()));
		assertThat(missing.status()).isEqualTo(404);
		for (String type : List.of("CONTACT", "ACTIVITY")) {
			assertThat(this.api.post("/api/v1/emails/" + id + "/links",
					Map.of("recordType", type, "recordId", java.util.UUID.randomUUID().toString())).status())
				.as("link to a missing %s", type)
				.isEqualTo(404);
		}
		var invalid = this.api.post("/api/v1/emails/" + id + "/links", Map.of("recordType", "DEAL"));
		assertThat(invalid.status()).isEqualTo(400);
	}

	@Test
	void isDocumentedUnderEmails() {
		var docs = new ApiClient(this.port, null).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("\"/api/v1/emails/{id}/links\"",
				"\"/api/v1/emails/{id}/links/{recordType}/{recordId}\"", "\"Emails\"");
	}

}
