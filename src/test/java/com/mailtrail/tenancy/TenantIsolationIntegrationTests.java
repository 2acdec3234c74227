package com.mailtrail.tenancy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.crm.InvalidRecordException;
import com.mailtrail.crm.activity.ActivityData;
import com.mailtrail.crm.activity.ActivityRepository;
import com.mailtrail.crm.activity.ActivityService;
import com.mailtrail.crm.activity.ActivityType;
import com.mailtrail.crm.contact.ContactData;
import com.mailtrail.crm.contact.ContactRepository;
import com.mailtrail.crm.contact.ContactService;
import com.mailtrail.crm.deal.DealData;
import com.mailtrail.crm.deal.DealRepository;
import com.mailtrail.crm.deal.DealService;
import com.mailtrail.crm.deal.DealStatus;
import com.mailtrail.security.UserDirectory;
import com.mailtrail.support.ApiClient;
import com.mailtrail.support.HttpSession;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A user of tenant B can neither see nor touch anything of tenant A, by page, API, search or repository. */
@MailtrailIntegrationTest
class TenantIsolationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	ContactService contacts;

	@Autowired
	DealService deals;

	@Autowired
	ActivityService activities;

	@Autowired
	ContactRepository contactRepository;

	@Autowired
	DealRepository dealRepository;

	@Autowired
	ActivityRepository activityRepository;

	@Autowired
	UserDirectory users;

	TestTenant a;

	TestTenant b;

	String marker;

	UUID contactId;

	UUID dealId;

	UUID activityId;

	@BeforeEach
	void twoTenants() {
		this.a = this.tenants.create("Tenant A");
		this.b = this.tenants.create("Tenant B");
		this.marker = "Zq" + UUID.randomUUID().toString().substring(0, 6);
		UUID owner = this.a.rep().id();
		this.a.as(() -> {
			this.contactId = this.contacts.create(new ContactData("Secret", this.marker, "A Corp", null,
					List.of(this.marker.toLowerCase() + "@a.example"), owner, Set.of()));
			this.dealId = this.deals.create(new DealData(this.marker + " deal", BigDecimal.TEN, "USD",
					DealStatus.OPEN, this.contactId, Set.of(), LocalDate.now(), owner, Set.of()));
			this.activityId = this.activities.create(new ActivityData(ActivityType.CALL, this.marker + " call", null,
					null, false, this.contactId, this.dealId, owner, Set.of()));
			return null;
		});
	}

	@Test
	void everyPageOfAnotherTenantsRecordsAnswers404() {
		var session = new HttpSession(this.port).login(this.b.rep().email(), TestTenants.PASSWORD);
		for (String path : List.of("/contacts/" + this.contactId, "/contacts/" + this.contactId + "/edit",
				"/deals/" + this.dealId, "/deals/" + this.dealId + "/edit", "/activities/" + this.activityId,
				"/activities/" + this.activityId + "/edit")) {
			assertThat(session.get(path).status()).as("GET %s", path).isEqualTo(404);
		}
		session.get("/contacts/new");
		for (String path : List.of("/contacts/" + this.contactId + "/delete", "/deals/" + this.dealId + "/delete",
				"/activities/" + this.activityId + "/delete")) {
			assertThat(session.post(path, Map.of()).status()).as("POST %s", path).isEqualTo(404);
		}
		assertThat(session.post("/deals/" + this.dealId + "/edit",
				Map.of("title", "Hijacked", "status", "OPEN", "currency", "USD", "ownerId",
						this.b.rep().id().toString()))
			.status()).isEqualTo(404);
		assertThat(this.a.as(() -> this.deals.find(this.dealId, new com.mailtrail.crm.Viewer(this.a.rep().id(), false))))
			.get()
			.extracting(d -> d.title())
			.isEqualTo(this.marker + " deal");
	}

	@Test
	void listsAndSearchNeverShowAnotherTenantsRecords() {
		var session = new HttpSession(this.port).login(this.b.admin().email(), TestTenants.PASSWORD);
		assertThat(session.get("/contacts?q=" + this.marker).body()).doesNotContain("Secret " + this.marker)
			.contains("No contacts found");
		assertThat(session.get("/deals?q=" + this.marker).body()).doesNotContain(this.marker + " deal")
			.contains("No deals found");
		assertThat(session.get("/activities?q=" + this.marker).body()).doesNotContain(this.marker + " call")
			.contains("No activities found");
		assertThat(session.get("/contacts").body()).doesNotContain(this.marker);
		assertThat(session.get("/admin/users").body()).doesNotContain(this.a.rep().email());
	}

	@Test
	void everyApiRouteOfAnotherTenantsRecordsAnswers404() {
		ApiClient api = ApiClient.login(this.port, this.b.rep().email(), TestTenants.PASSWORD);
		for (String path : List.of("/api/v1/contacts/" + this.contactId, "/api/v1/deals/" + this.dealId,
				"/api/v1/activities/" + this.activityId)) {
			assertThat(api.get(path).status()).as("GET %s", path).isEqualTo(404);
			assertThat(api.delete(path).status()).as("DELETE %s", path).isEqualTo(404);
		}
		assertThat(api.put("/api/v1/contacts/" + this.contactId, Map.of("lastName", "Hijacked")).status())
			.isEqualTo(404);
		assertThat(api.put("/api/v1/deals/" + this.dealId, Map.of("title", "Hijacked")).status()).isEqualTo(404);
		assertThat(api.put("/api/v1/activities/" + this.activityId, Map.of("type", "TASK", "title", "Hijacked"))
			.status()).isEqualTo(404);
		assertThat(api.get("/api/v1/contacts?q=" + this.marker).json().get("totalElements").asLong()).isZero();
		assertThat(api.get("/api/v1/deals?q=" + this.marker).json().get("totalElements").asLong()).isZero();
		assertThat(api.get("/api/v1/activities?q=" + this.marker).json().get("totalElements").asLong()).isZero();
		assertThat(api.get("/api/v1/me").json().get("tenant").get("id").asString())
			.isEqualTo(this.b.id().toString());
	}

	@Test
	void repositoriesFindNothingOfAnotherTenantEvenById() {
		this.b.as(() -> {
			assertThat(this.contactRepository.findById(this.contactId)).isEmpty();
			assertThat(this.dealRepository.findById(this.dealId)).isEmpty();
			assertThat(this.activityRepository.findById(this.activityId)).isEmpty();
			assertThat(this.contactRepository.findByEmailAddresses(List.of(this.marker.toLowerCase() + "@a.example")))
				.isEmpty();
			assertThat(this.users.find(this.a.rep().id())).isEmpty();
			return null;
		});
	}

	@Test
	void withoutABoundTenantNothingIsVisible() {
		assertThat(this.contactRepository.findById(this.contactId)).isEmpty();
		assertThat(this.dealRepository.findById(this.dealId)).isEmpty();
	}

	@Test
	void recordsCannotPointAtAnotherTenantsContactsOrUsers() {
		UUID bRep = this.b.rep().id();
		this.b.as(() -> {
			assertThatThrownBy(() -> this.deals.create(new DealData("Sneaky", null, "USD", DealStatus.OPEN,
					this.contactId, Set.of(), null, bRep, Set.of())))
				.isInstanceOf(InvalidRecordException.class);
			assertThatThrownBy(() -> this.contacts.create(new ContactData(null, "Sneaky", null, null, List.of(),
					this.a.rep().id(), Set.of())))
				.isInstanceOf(InvalidRecordException.class);
			assertThatThrownBy(() -> this.contacts.create(new ContactData(null, "Sneaky", null, null, List.of(), bRep,
					Set.of(this.a.rep().id()))))
				.isInstanceOf(InvalidRecordException.class);
			return null;
		});
	}

}
