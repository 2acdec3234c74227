package com.mailtrail.sharing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.crm.CrmModule;
import com.mailtrail.crm.RecordVisibility;
import com.mailtrail.crm.VisibilityScope;
import com.mailtrail.crm.activity.ActivityData;
import com.mailtrail.crm.activity.ActivityService;
import com.mailtrail.crm.activity.ActivityType;
import com.mailtrail.crm.contact.ContactData;
import com.mailtrail.crm.contact.ContactService;
import com.mailtrail.crm.deal.DealData;
import com.mailtrail.crm.deal.DealService;
import com.mailtrail.crm.deal.DealStatus;
import com.mailtrail.mail.EmailLinks;
import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.EmailShares;
import com.mailtrail.mail.RecordType;
import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.security.Role;
import com.mailtrail.security.UserAdministration;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.mailtrail.support.MailDelivery.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC 5 as a table: for each module, each kind of viewer and each policy of the email owner, whether the email
 * shows on the linked record's timeline and whether it opens directly. Read a row as "viewer: PRIVATE TEAM PUBLIC".
 */
@MailtrailIntegrationTest
class SharingMatrixIntegrationTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	UserAdministration administration;

	@Autowired
	ContactService contacts;

	@Autowired
	DealService deals;

	@Autowired
	ActivityService activities;

	@Autowired
	EmailLinks links;

	@Autowired
	EmailShares shares;

	@Autowired
	EmailRepository emails;

	@Autowired
	SharingPolicies policies;

	@Autowired
	RecordVisibility recordVisibility;

	@Autowired
	SmartBccAddresses addresses;

	@Autowired
	MailDelivery mail;

	@Autowired
	com.mailtrail.mail.EmailAudience audience;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	TestTenant acme;

	TestTenant otherTenant;

	final Map<String, UUID> viewers = new LinkedHashMap<>();

	UUID owner;

	UUID deal;

	UUID contact;

	UUID emailId;

	@BeforeEach
	void scenario() {
		this.acme = this.tenants.create("Matrix Co");
		this.otherTenant = this.tenants.create("Matrix Other Co");
		this.owner = this.acme.rep().id();
		UUID recordOwner = user("record-owner");
		UUID follower = user("follower");
		UUID seer = user("seer");
		UUID cc = user("cc");
		UUID shared = user("shared");
		this.viewers.put("email owner", this.owner);
		this.viewers.put("record owner", recordOwner);
		this.viewers.put("record follower", follower);
		this.viewers.put("other user who can see the record", seer);
		this.viewers.put("admin", this.acme.admin().id());
		this.viewers.put("user in Cc", cc);
		this.viewers.put("explicitly shared user", shared);
		this.viewers.put("other tenant's user", this.otherTenant.rep().id());

		this.contact = this.acme.as(() -> this.contacts.create(new ContactData("Pat", "Matrix", null, null,
				List.of("pat@matrix.example"), recordOwner, Set.of(follower))));
		this.deal = this.acme.as(() -> this.deals.create(new DealData("Matrix deal", BigDecimal.ONE, "USD",
				DealStatus.OPEN, null, Set.of(), null, recordOwner, Set.of(follower))));
		String bcc = this.acme.as(() -> this.addresses.addressOf(this.owner));
		String ccAddress = this.acme.as(() -> this.administration.get(cc).getEmail());
		String id = UUID.randomUUID() + "@matrix.example";
		this.mail.send(this.acme.rep().email(), bcc,
				message(this.acme.rep().email(), "someone@customer.example", ccAddress, "Matrix email", id, "Hi"));
		this.mail.awaitProcessed();
		this.emailId = this.acme.as(() -> this.emails.findByDedupeKey("mid:" + id)).orElseThrow().getId();
		this.acme.as(() -> {
			this.links.link(this.emailId, RecordType.DEAL, this.deal, "test", this.owner);
			this.shares.share(this.emailId, List.of(shared), this.owner);
			return null;
		});
	}

	@Test
	void dealTimelineAndDirectAccessByViewerAndPolicy() {
		// viewer                                  PRIVATE  TEAM   PUBLIC
		expect(SharingModule.DEALS, RecordType.DEAL, this.deal, """
				email owner                          yes      yes    yes
				record owner                         no       yes    yes
				record follower                      no       yes    yes
				other user who can see the record    no       no     yes
				admin                                no       no     yes
				user in Cc                           yes      yes    yes
				explicitly shared user               yes      yes    yes
				other tenant's user                  no       no     no
				""");
	}

	@Test
	void contactTimelineAndDirectAccessByViewerAndPolicy() {
		onlyLinkedTo(RecordType.CONTACT, this.contact);
		// viewer                                  PRIVATE  TEAM   PUBLIC
		expect(SharingModule.CONTACTS, RecordType.CONTACT, this.contact, """
				email owner                          yes      yes    yes
				record owner                         no       yes    yes
				record follower                      no       yes    yes
				other user who can see the record    no       no     yes
				admin                                no       no     yes
				user in Cc                           yes      yes    yes
				explicitly shared user               yes      yes    yes
				other tenant's user                  no       no     no
				""");
	}

	@Test
	void activityTimelineAndDirectAccessByViewerAndPolicy() {
		UUID activity = this.acme.as(() -> this.activities.create(new ActivityData(ActivityType.CALL, "Matrix call",
				null, null, false, null, null, this.viewers.get("record owner"),
				Set.of(this.viewers.get("record follower")))));
		onlyLinkedTo(RecordType.ACTIVITY, activity);
		// viewer                                  PRIVATE  TEAM   PUBLIC
		expect(SharingModule.ACTIVITIES, RecordType.ACTIVITY, activity, """
				email owner                          yes      yes    yes
				record owner                         no       yes    yes
				record follower                      no       yes    yes
				other user who can see the record    no       no     yes
				admin                                no       no     yes
				user in Cc                           yes      yes    yes
				explicitly shared user               yes      yes    yes
				other tenant's user                  no       no     no
				""");
	}

	@Test
	void publicReachesOnlyThoseWhoCanSeeTheRecordAndTheAdminRoleAddsNothing() {
		this.acme.as(() -> {
			this.recordVisibility.change(CrmModule.DEALS, VisibilityScope.OWNER_AND_FOLLOWERS);
			return null;
		});
		expect(SharingModule.DEALS, RecordType.DEAL, this.deal, """
				email owner                          yes      yes    yes
				record owner                         no       yes    yes
				record follower                      no       yes    yes
				other user who can see the record    no       no     no
				admin                                no       no     no
				user in Cc                           yes      yes    yes
				explicitly shared user               yes      yes    yes
				other tenant's user                  no       no     no
				""");
	}

	@Test
	void conflictingPoliciesTheTimelineFollowsItsRecordAndDirectAccessTheLeastRestrictive() {
		this.acme.as(() -> {
			this.links.link(this.emailId, RecordType.CONTACT, this.contact, "test", this.owner);
			this.policies.change(this.owner, this.owner, SharingModule.DEALS, SharingLevel.PRIVATE);
			this.policies.change(this.owner, this.owner, SharingModule.CONTACTS, SharingLevel.PUBLIC);
			return null;
		});
		UUID seer = this.viewers.get("other user who can see the record");
		assertThat(onTimeline(RecordType.DEAL, this.deal, seer)).as("on the deal's timeline (Deals: Private)").isFalse();
		assertThat(onTimeline(RecordType.CONTACT, this.contact, seer)).as("on the contact's timeline (Contacts: Public)")
			.isTrue();
		assertThat(direct(seer)).as("opened directly: the Public contact path wins").isTrue();
	}

	@Test
	void whoCanSeeThisNamesEveryColleagueWithTheRuleThatGrantsIt() {
		this.acme.as(() -> {
			this.policies.change(this.owner, this.owner, SharingModule.DEALS, SharingLevel.TEAM);
			return null;
		});
		var audience = this.acme.as(() -> this.audience.of(this.emailId, this.owner));
		var reasons = new java.util.HashMap<String, String>();
		audience.forEach(m -> reasons.put(m.name(), String.join("; ", m.reasons())));
		assertThat(reasons).containsOnlyKeys("record-owner", "follower", "cc", "shared");
		assertThat(reasons.get("record-owner")).isEqualTo("owner of deal Matrix deal, Deals policy: Share with teammates and owner");
		assertThat(reasons.get("follower")).isEqualTo("follower of deal Matrix deal, Deals policy: Share with teammates and owner");
		assertThat(reasons.get("cc")).isEqualTo("in Cc");
		assertThat(reasons.get("shared")).startsWith("shared by Rep ");

		var page = new com.mailtrail.support.HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD)
			.get("/emails/" + this.emailId);
		assertThat(page.body()).contains("Who can see this?").contains("in Cc").contains("follower of deal Matrix deal");
	}

	@Test
	void everyChangeIsAuditedAndNewUsersStartFromTheCompanyDefault() {
		UUID admin = this.acme.admin().id();
		this.acme.as(() -> {
			this.policies.change(admin, this.owner, SharingModule.DEALS, SharingLevel.PUBLIC);
			this.policies.changeCompanyDefault(admin, SharingModule.CONTACTS, SharingLevel.TEAM);
			return null;
		});
		var log = this.acme.as(() -> this.policies.auditLog());
		assertThat(log).anySatisfy(a -> {
			assertThat(a.actorId()).isEqualTo(admin);
			assertThat(a.subjectUserId()).isEqualTo(this.owner);
			assertThat(a.module()).isEqualTo(SharingModule.DEALS);
			assertThat(a.oldLevel()).isEqualTo(SharingLevel.PRIVATE);
			assertThat(a.newLevel()).isEqualTo(SharingLevel.PUBLIC);
		});
		assertThat(log).anySatisfy(a -> assertThat(a.subjectUserId()).isNull());
		assertThat(this.acme.as(() -> this.policies.of(this.owner)).get(SharingModule.CONTACTS))
			.as("an existing user keeps Private").isEqualTo(SharingLevel.PRIVATE);
		UUID newcomer = user("newcomer");
		assertThat(this.acme.as(() -> this.policies.of(newcomer))).containsEntry(SharingModule.CONTACTS, SharingLevel.TEAM)
			.containsEntry(SharingModule.DEALS, SharingLevel.PRIVATE);
		assertThat(this.otherTenant.as(() -> this.policies.auditLog())).as("each company's log is its own").isEmpty();
	}

	private void expect(SharingModule module, RecordType type, UUID record, String table) {
		SharingLevel[] columns = { SharingLevel.PRIVATE, SharingLevel.TEAM, SharingLevel.PUBLIC };
		for (int column = 0; column < columns.length; column++) {
			SharingLevel level = columns[column];
			this.acme.as(() -> {
				this.policies.change(this.owner, this.owner, module, level);
				return null;
			});
			for (String line : table.strip().split("\n")) {
				String[] cells = line.strip().split("\\s{2,}");
				UUID viewer = this.viewers.get(cells[0]);
				boolean expected = cells[1 + column].equals("yes");
				assertThat(onTimeline(type, record, viewer)).as("%s, %s: on the record's timeline", cells[0], level)
					.isEqualTo(expected);
				assertThat(direct(viewer)).as("%s, %s: opened directly", cells[0], level).isEqualTo(expected);
			}
		}
	}

	private void onlyLinkedTo(RecordType type, UUID record) {
		this.acme.as(() -> {
			this.links.unlink(this.emailId, RecordType.DEAL, this.deal);
			this.links.link(this.emailId, type, record, "test", this.owner);
			return null;
		});
	}

	private boolean onTimeline(RecordType type, UUID record, UUID viewer) {
		TestTenant tenant = viewer.equals(this.otherTenant.rep().id()) ? this.otherTenant : this.acme;
		return tenant.as(() -> this.emails.findVisibleLinkedTo(type, record, viewer))
			.stream()
			.anyMatch(e -> e.getId().equals(this.emailId));
	}

	private boolean direct(UUID viewer) {
		TestTenant tenant = viewer.equals(this.otherTenant.rep().id()) ? this.otherTenant : this.acme;
		return tenant.as(() -> this.emails.findVisible(this.emailId, viewer)).isPresent();
	}

	private UUID user(String name) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		return this.acme.as(() -> this.administration
			.createUser(name, name + "-" + suffix + "@matrix.example", TestTenants.PASSWORD, Role.USER)
			.id());
	}

}
