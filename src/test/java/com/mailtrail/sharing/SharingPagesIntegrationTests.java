package com.mailtrail.sharing;

import java.util.Map;

import com.mailtrail.support.HttpSession;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@MailtrailIntegrationTest
class SharingPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	SharingPolicies policies;

	@Test
	void aUserSetsTheirOwnPoliciesOnTheEmailPreferenceTab() {
		var acme = this.tenants.create("Sharing Pages Co");
		var rep = new HttpSession(this.port).login(acme.rep().email(), TestTenants.PASSWORD);
		String page = rep.get("/settings/email/preferences").body();
		assertThat(page).contains("My email conversations on Deals").contains("Share with teammates and owner");
		rep.post("/settings/email/sharing", Map.of("DEALS", "PUBLIC", "ACTIVITIES", "TEAM", "CONTACTS", "PRIVATE"));
		assertThat(rep.get("/settings/email/preferences").body()).contains("Email sharing saved.");
		rep.post("/settings/email/sharing", Map.of("DEALS", "EVERYONE_AND_THEIR_DOG"));
		assertThat(rep.get("/settings/email/preferences").status()).as("a tampered value changes nothing").isEqualTo(200);
		assertThat(acme.as(() -> this.policies.of(acme.rep().id()))).containsEntry(SharingModule.DEALS, SharingLevel.PUBLIC)
			.containsEntry(SharingModule.ACTIVITIES, SharingLevel.TEAM)
			.containsEntry(SharingModule.CONTACTS, SharingLevel.PRIVATE);
	}

	@Test
	void anAdminSetsAnyonesPoliciesAndTheDefaultAndReadsTheAuditLog() {
		var acme = this.tenants.create("Sharing Admin Co");
		var admin = new HttpSession(this.port).login(acme.admin().email(), TestTenants.PASSWORD);
		admin.get("/admin/email-sharing");
		admin.post("/admin/email-sharing/users/" + acme.rep().id(), Map.of("DEALS", "TEAM"));
		assertThat(admin.get("/admin/email-sharing").body()).contains("saved.");
		admin.post("/admin/email-sharing/defaults", Map.of("CONTACTS", "PUBLIC"));
		String page = admin.get("/admin/email-sharing").body();
		assertThat(page).contains("Default for new users saved.")
			.contains("Private → Share with teammates and owner")
			.contains("Private → Public")
			.contains("Default for new users");
		assertThat(acme.as(() -> this.policies.of(acme.rep().id()))).containsEntry(SharingModule.DEALS, SharingLevel.TEAM);

		var rep = new HttpSession(this.port).login(acme.rep().email(), TestTenants.PASSWORD);
		assertThat(rep.get("/admin/email-sharing").status()).isEqualTo(403);
		rep.get("/settings/email/preferences");
		assertThat(rep.post("/admin/email-sharing/users/" + acme.other().id(), Map.of("DEALS", "PUBLIC")).status())
			.isEqualTo(403);
		var stranger = this.tenants.create("Sharing Stranger Co");
		admin.get("/admin/email-sharing");
		assertThat(admin.post("/admin/email-sharing/users/" + stranger.rep().id(), Map.of("DEALS", "PUBLIC")).status())
			.as("another company's user is not found").isEqualTo(404);
	}


}
