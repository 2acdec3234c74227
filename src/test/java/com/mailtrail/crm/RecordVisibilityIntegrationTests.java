package com.mailtrail.crm;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.crm.contact.ContactData;
import com.mailtrail.crm.contact.ContactService;
import com.mailtrail.crm.deal.DealData;
import com.mailtrail.crm.deal.DealService;
import com.mailtrail.crm.deal.DealStatus;
import com.mailtrail.support.HttpSession;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC 1: a record is seen by its owner, its followers and, unless an admin restricts the module, everyone. */
@MailtrailIntegrationTest
class RecordVisibilityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	DealService deals;

	@Autowired
	ContactService contacts;

	@Autowired
	RecordVisibility visibility;

	TestTenant acme;

	UUID dealId;

	@BeforeEach
	void dealOwnedByTheRep() {
		this.acme = this.tenants.create("Visibility Co");
		this.dealId = this.acme.as(() -> this.deals.create(new DealData("Rep's deal", BigDecimal.ONE, "USD",
				DealStatus.OPEN, null, Set.of(), null, this.acme.rep().id(), Set.of())));
	}

	@Test
	void everyUserOfTheCompanySeesRecordsByDefault() {
		Viewer other = new Viewer(this.acme.other().id(), false);
		assertThat(this.acme.as(() -> this.deals.get(this.dealId, other)).title()).isEqualTo("Rep's deal");
		assertThat(this.acme.as(() -> this.deals.search("", null, other, Pageable.unpaged()).getTotalElements()))
			.isEqualTo(1);
	}

	@Test
	void restrictedModuleShowsRecordsOnlyToOwnerAndFollowers() {
		Viewer owner = new Viewer(this.acme.rep().id(), false);
		Viewer other = new Viewer(this.acme.other().id(), false);
		Viewer admin = new Viewer(this.acme.admin().id(), true);
		this.acme.as(() -> {
			this.visibility.change(CrmModule.DEALS, VisibilityScope.OWNER_AND_FOLLOWERS);
			return null;
		});

		assertThat(this.acme.as(() -> this.deals.get(this.dealId, owner))).isNotNull();
		assertThatThrownBy(() -> this.acme.as(() -> this.deals.get(this.dealId, other)))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> this.acme.as(() -> this.deals.get(this.dealId, admin)))
			.as("the admin role does not see everything")
			.isInstanceOf(RecordNotFoundException.class);
		assertThat(this.acme.as(() -> this.deals.search("", null, other, Pageable.unpaged()).getTotalElements()))
			.isZero();

		this.acme.as(() -> {
			var deal = this.deals.get(this.dealId, owner);
			this.deals.update(this.dealId, new DealData(deal.title(), deal.amount(), deal.currency(), deal.status(),
					null, Set.of(), null, deal.ownerId(), Set.of(this.acme.other().id())), owner);
			return null;
		});
		assertThat(this.acme.as(() -> this.deals.get(this.dealId, other)).followerIds())
			.contains(this.acme.other().id());

		assertThat(this.acme.as(() -> this.contacts.search("", other, Pageable.unpaged()))).isEmpty();
		this.acme.as(() -> this.contacts.create(new ContactData(null, "Open contact", null, null, List.of(),
				this.acme.rep().id(), Set.of())));
		assertThat(this.acme.as(() -> this.contacts.search("", other, Pageable.unpaged()).getTotalElements()))
			.as("contacts are still visible to everyone")
			.isEqualTo(1);
	}

	@Test
	void recordsHiddenFromAUserCannotBeNamedInTheirDealsAndActivities() {
		this.acme.as(() -> {
			this.visibility.change(CrmModule.DEALS, VisibilityScope.OWNER_AND_FOLLOWERS);
			this.visibility.change(CrmModule.CONTACTS, VisibilityScope.OWNER_AND_FOLLOWERS);
			return null;
		});
		UUID hiddenContact = this.acme.as(() -> this.contacts.create(new ContactData(null, "Hidden", null, null,
				List.of(), this.acme.rep().id(), Set.of())));
		var api = com.mailtrail.support.ApiClient.login(this.port, this.acme.other().email(), TestTenants.PASSWORD);
		var activity = api.post("/api/v1/activities",
				java.util.Map.of("type", "TASK", "title", "Sneak", "dealId", this.dealId.toString()));
		assertThat(activity.status()).isEqualTo(400);
		assertThat(activity.body()).contains("That deal does not exist.");
		var deal = api.post("/api/v1/deals",
				java.util.Map.of("title", "Sneak", "primaryContactId", hiddenContact.toString()));
		assertThat(deal.status()).isEqualTo(400);
		assertThat(deal.body()).contains("The primary contact does not exist.");
	}

	@Test
	void adminRestrictsAModuleOnTheAdminPage() {
		var admin = new HttpSession(this.port).login(this.acme.admin().email(), TestTenants.PASSWORD);
		admin.get("/admin/record-visibility");
		admin.post("/admin/record-visibility", java.util.Map.of("module", "DEALS", "scope", "OWNER_AND_FOLLOWERS"));
		assertThat(admin.get("/admin/record-visibility").body()).contains("Visibility of deals saved.");

		var other = new HttpSession(this.port).login(this.acme.other().email(), TestTenants.PASSWORD);
		assertThat(other.get("/deals/" + this.dealId).status()).isEqualTo(404);
		var rep = new HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD);
		assertThat(rep.get("/deals/" + this.dealId).status()).isEqualTo(200);
	}

	@Test
	void onlyTheOwnerOrAnAdminDeletesARecord() {
		var other = new HttpSession(this.port).login(this.acme.other().email(), TestTenants.PASSWORD);
		other.get("/deals/" + this.dealId);
		var refused = other.post("/deals/" + this.dealId + "/delete", java.util.Map.of());
		assertThat(refused.status()).isEqualTo(403);
		var admin = new HttpSession(this.port).login(this.acme.admin().email(), TestTenants.PASSWORD);
		admin.get("/deals/" + this.dealId);
		assertThat(admin.post("/deals/" + this.dealId + "/delete", java.util.Map.of()).location()).endsWith("/deals");
		assertThat(admin.get("/deals/" + this.dealId).status()).isEqualTo(404);
	}

}
