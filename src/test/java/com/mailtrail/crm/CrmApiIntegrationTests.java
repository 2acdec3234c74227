package com.mailtrail.crm;

import java.util.List;
import java.util.Map;

import com.mailtrail.security.UserAdministration;
import com.mailtrail.support.ApiClient;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@MailtrailIntegrationTest
class CrmApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	UserAdministration administration;

	TestTenant acme;

	ApiClient api;

	@BeforeEach
	void signIn() {
		this.acme = this.tenants.create("Api Co");
		this.api = ApiClient.login(this.port, this.acme.rep().email(), TestTenants.PASSWORD);
	}

	@Test
	void meDescribesTheUserAndTheirCompany() {
		var me = this.api.get("/api/v1/me").json();
		assertThat(me.get("email").asString()).isEqualTo(this.acme.rep().email());
		assertThat(me.get("role").asString()).isEqualTo("USER");
		assertThat(me.get("tenant").get("name").asString()).isEqualTo("Api Co");
	}

	@Test
	void contactDealAndActivityRoundTrip() {
		var contact = this.api.post("/api/v1/contacts",
				Map.of("firstName", "Lin", "lastName", "Wu", "emails", List.of("Lin.Wu@Example.com")));
		assertThat(contact.status()).isEqualTo(201);
		String contactId = contact.json().get("id").asString();
		assertThat(contact.json().get("primaryEmail").asString()).isEqualTo("lin.wu@example.com");

		var deal = this.api.post("/api/v1/deals", Map.of("title", "Wu pilot", "amount", 1200, "currency", "eur",
				"primaryContactId", contactId));
		assertThat(deal.status()).isEqualTo(201);
		String dealId = deal.json().get("id").asString();
		assertThat(deal.json().get("currency").asString()).isEqualTo("EUR");
		assertThat(deal.json().get("status").asString()).isEqualTo("OPEN");

		var activity = this.api.post("/api/v1/activities",
				Map.of("type", "MEETING", "title", "Demo", "dealId", dealId, "contactId", contactId));
		assertThat(activity.status()).isEqualTo(201);

		var won = this.api.put("/api/v1/deals/" + dealId, Map.of("title", "Wu pilot", "status", "WON",
				"primaryContactId", contactId));
		assertThat(won.json().get("status").asString()).isEqualTo("WON");
		assertThat(this.api.get("/api/v1/deals?status=WON").json().get("totalElements").asLong()).isEqualTo(1);
		assertThat(this.api.get("/api/v1/contacts?q=lin.wu").json().get("items").get(0).get("id").asString())
			.isEqualTo(contactId);

		assertThat(this.api.delete("/api/v1/deals/" + dealId).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/deals/" + dealId).status()).isEqualTo(404);
	}

	@Test
	void errorsAreProblemDetails() {
		var missing = this.api.get("/api/v1/deals/00000000-0000-0000-0000-000000000001");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.json().get("status").asInt()).isEqualTo(404);

		var invalid = this.api.post("/api/v1/deals", Map.of("title", ""));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.contentType()).startsWith("application/problem+json");

		var unauthenticated = new ApiClient(this.port, "mt_not-a-real-token").get("/api/v1/me");
		assertThat(unauthenticated.status()).isEqualTo(401);
		assertThat(unauthenticated.contentType()).startsWith("application/problem+json");
	}

	@Test
	void outlandishValuesGetClearAnswersNotServerErrors() {
		assertThat(this.api.get("/api/v1/contacts?page=99999999").status()).isEqualTo(200);
		assertThat(this.api.post("/api/v1/deals", Map.of("title", "Huge", "amount", new java.math.BigDecimal("1e300")))
			.status()).isEqualTo(400);
		var farFuture = this.api.post("/api/v1/deals", Map.of("title", "Late", "expectedCloseDate", "+999999999-12-31"));
		assertThat(farFuture.status()).isEqualTo(400);
		assertThat(farFuture.body()).contains("between the years 1900 and 9999");
		var unknownRoute = this.api.get("/api/v1/nope");
		assertThat(unknownRoute.status()).isEqualTo(404);
		assertThat(unknownRoute.contentType()).startsWith("application/problem+json");
		var wrongMethod = this.api.send("PATCH", "/api/v1/contacts", "{}");
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
	}

	@Test
	void wrongPasswordGetsNoToken() {
		var response = new ApiClient(this.port, null).send("POST", "/api/v1/auth/token",
				"{\"email\":\"" + this.acme.rep().email() + "\",\"password\":\"nope\"}");
		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void deactivatedUsersTokenStopsWorking() {
		assertThat(this.api.get("/api/v1/me").status()).isEqualTo(200);
		this.acme.as(() -> {
			this.administration.deactivate(this.acme.admin().id(), this.acme.rep().id());
			return null;
		});
		assertThat(this.api.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void apiIsDocumentedWithOpenApi() {
		var docs = new ApiClient(this.port, null).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/v1/deals/{id}")).isTrue();
		assertThat(docs.json().get("paths").has("/api/v1/auth/token")).isTrue();
		assertThat(docs.json().get("info").get("title").asString()).isEqualTo("Mailtrail API");
		assertThat(docs.json().get("components").get("securitySchemes").get("bearer").get("scheme").asString())
			.isEqualTo("bearer");
	}

	@Test
	void healthIsUpWithTheDatabase() {
		var health = new ApiClient(this.port, null).get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
	}

}
