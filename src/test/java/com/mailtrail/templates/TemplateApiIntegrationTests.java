package com.mailtrail.templates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
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
import com.mailtrail.security.UserAdministration;
import com.mailtrail.support.ApiClient;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Templates through the API: rendering against real records, validation, visibility and folders. */
@MailtrailIntegrationTest
class TemplateApiIntegrationTests {

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
	RecordVisibility visibility;

	@Autowired
	UserAdministration administration;

	TestTenant acme;

	ApiClient rep;

	UUID pat;

	UUID renewal;

	@BeforeEach
	void records() {
		this.acme = this.tenants.create("Template Co");
		this.rep = ApiClient.login(this.port, this.acme.rep().email(), TestTenants.PASSWORD);
		UUID repId = this.acme.rep().id();
		this.acme.as(() -> {
			this.administration.changeProfile(repId, "Rita Rep", "+1 555 0100", "Account Executive");
			return null;
		});
		this.pat = this.acme.as(() -> this.contacts.create(new ContactData("Pat", "O'Brien & Sons", "Globex <Corp>",
				"+44 20 7946 0000", List.of("pat@globex.example"), repId, Set.of())));
		this.renewal = this.acme.as(() -> this.deals.create(new DealData("Globex renewal", new BigDecimal("12500"), "EUR",
				DealStatus.OPEN, this.pat, Set.of(), LocalDate.of(2027, 3, 5), repId, Set.of())));
	}

	private static Map<String, Object> template(String type, String name, String subject, String body, boolean shared) {
		Map<String, Object> t = new HashMap<>();
		t.put("recordType", type);
		t.put("name", name);
		t.put("subject", subject);
		t.put("body", body);
		t.put("shared", shared);
		return t;
	}

	private String create(ApiClient api, Map<String, Object> template) {
		var created = api.post("/api/v1/templates", template);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	@Test
	void aDealTemplateRendersTheDealItsPrimaryContactTheSenderAndTheCompany() {
		String id = create(this.rep, template("DEAL", "Renewal nudge",
				"{{deal.title}} for {{contact.full_name}}",
				"<p>Hi {{contact.first_name | default: \"there\"}},</p><p>{{deal.value}} · {{deal.status}} · "
						+ "{{deal.expected_close_date}} · {{deal.owner}} · {{contact.company}} · {{contact.email}}</p>"
						+ "<p>{{user.name}}, {{user.title}}, {{user.phone}}, {{user.email}} — {{company.name}}</p>",
				false));
		var rendered = this.rep.get("/api/v1/templates/" + id + "/render?recordType=DEAL&recordId=" + this.renewal);
		assertThat(rendered.status()).as(rendered.body()).isEqualTo(200);
		JsonNode json = rendered.json();
		assertThat(json.get("subject").asString()).isEqualTo("Globex renewal for Pat O'Brien & Sons");
		assertThat(json.get("html").asString()).isEqualTo("<p>Hi Pat,</p><p>€12,500.00 · Open · March 5, 2027 · "
				+ "Rita Rep · Globex &lt;Corp&gt; · pat@globex.example</p><p>Rita Rep, Account Executive, "
				+ "+1 555 0100, " + this.acme.rep().email() + " — Template Co</p>");
	}

	@Test
	void aMissingOrHiddenRelatedRecordLeavesItsAttributesToTheirFallbacks() {
		UUID noContact = this.acme.as(() -> this.deals.create(new DealData("Solo deal", null, "USD", DealStatus.WON,
				null, Set.of(), null, this.acme.rep().id(), Set.of())));
		String id = create(this.rep, template("DEAL", "Fallbacks", "Hi {{contact.first_name | default: \"there\"}}",
				"<p>{{contact.first_name | default: \"Hello\"}}|{{deal.value}}|{{deal.expected_close_date | default: 'soon'}}|{{contact.email}}</p>",
				false));
		var rendered = this.rep.get("/api/v1/templates/" + id + "/render?recordType=DEAL&recordId=" + noContact).json();
		assertThat(rendered.get("subject").asString()).isEqualTo("Hi there");
		assertThat(rendered.get("html").asString()).isEqualTo("<p>Hello||soon|</p>");

		// The other rep may see the deal (deals are public) but not the admin's contact once contacts are restricted.
		UUID hiddenContact = this.acme.as(() -> this.contacts.create(new ContactData("Hidden", "Person", null, null,
				List.of(), this.acme.admin().id(), Set.of())));
		UUID deal = this.acme.as(() -> this.deals.create(new DealData("Deal with a hidden contact", null, "USD",
				DealStatus.OPEN, hiddenContact, Set.of(), null, this.acme.rep().id(), Set.of()),
				new com.mailtrail.crm.Viewer(this.acme.admin().id(), true)));
		this.acme.as(() -> {
			this.visibility.change(CrmModule.CONTACTS, VisibilityScope.OWNER_AND_FOLLOWERS);
			return null;
		});
		try {
			var hidden = this.rep.get("/api/v1/templates/" + id + "/render?recordType=DEAL&recordId=" + deal).json();
			assertThat(hidden.get("subject").asString()).as("the hidden contact's name does not leak").isEqualTo("Hi there");
			assertThat(this.rep.get("/api/v1/templates/" + id + "/render?recordType=DEAL&recordId=" + deal).body())
				.doesNotContain("Hidden");
		}
		finally {
			this.acme.as(() -> {
				this.visibility.change(CrmModule.CONTACTS, VisibilityScope.EVERYONE);
				return null;
			});
		}
	}

	@Test
	void activityTemplatesReachTheActivityItsDealAndContact() {
		UUID call = this.acme.as(() -> this.activities.create(new ActivityData(ActivityType.MEETING, "Kick-off über Zoom",
				null, LocalDate.of(2027, 1, 15), false, null, this.renewal, this.acme.rep().id(), Set.of())));
		String id = create(this.rep, template("ACTIVITY", "Meeting reminder",
				"{{activity.type}}: {{activity.title}} on {{activity.due_date}}",
				"<p>Dear {{contact.first_name}}, re {{deal.title}}.</p>", false));
		var rendered = this.rep.get("/api/v1/templates/" + id + "/render?recordType=ACTIVITY&recordId=" + call).json();
		assertThat(rendered.get("subject").asString()).isEqualTo("Meeting: Kick-off über Zoom on January 15, 2027");
		assertThat(rendered.get("html").asString())
			.as("no contact on the activity: the deal's primary contact")
			.isEqualTo("<p>Dear Pat, re Globex renewal.</p>");
	}

	@Test
	void savingAnUnknownAttributeFailsWithAMessageNamingIt() {
		var refused = this.rep.post("/api/v1/templates",
				template("CONTACT", "Bad", "Hi {{contact.nickname}}", "<p>x</p>", false));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).contains("{{contact.nickname}}");

		var wrongType = this.rep.post("/api/v1/templates",
				template("CONTACT", "Bad", "Hi", "<p>{{deal.title}}</p>", false));
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().get("detail").asString()).contains("deal.title");

		var spel = this.rep.post("/api/v1/templates",
				template("CONTACT", "Bad", "Hi", "<p>{{T(java.lang.Runtime).getRuntime().exec('id')}}</p>", false));
		assertThat(spel.status()).isEqualTo(400);
		assertThat(this.rep.post("/api/v1/templates", template("CONTACT", " ", "Hi", "<p>x</p>", false)).status())
			.as("a name is required").isEqualTo(400);
		assertThat(this.rep.post("/api/v1/templates", template("LEAD", "x", "Hi", "<p>x</p>", false)).status())
			.as("unknown record type").isEqualTo(400);
		assertThat(this.rep.get("/api/v1/templates").json().size()).as("nothing was saved").isZero();
	}

	@Test
	void scriptInTheBodyIsRemovedOnSaveAndRenderedValuesAreEscaped() {
		UUID evil = this.acme.as(() -> this.contacts.create(new ContactData("<script>alert(1)</script>",
				"\"><img src=x onerror=alert(2)>", null, null, List.of(), this.acme.rep().id(), Set.of())));
		String id = create(this.rep, template("CONTACT", "Hello",
				"Hello {{contact.full_name}}", "<p>Hi {{contact.first_name}}</p><script>alert(3)</script>", false));
		assertThat(this.rep.get("/api/v1/templates/" + id).json().get("body").asString())
			.isEqualTo("<p>Hi {{contact.first_name}}</p>");
		var rendered = this.rep.get("/api/v1/templates/" + id + "/render?recordType=CONTACT&recordId=" + evil).json();
		assertThat(rendered.get("html").asString()).isEqualTo("<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>");
		assertThat(rendered.get("subject").asString())
			.as("the subject is plain text: the mail layer encodes it, the page escapes it")
			.isEqualTo("Hello <script>alert(1)</script> \"><img src=x onerror=alert(2)>");
	}

	@Test
	void privateTemplatesAreTheOwnersAloneSharedOnesTheCompanysAndNoOtherTenantSeesEither() {
		String mine = create(this.rep, template("CONTACT", "Private intro", "Hi", "<p>x</p>", false));
		String shared = create(this.rep, template("CONTACT", "Shared intro", "Hi", "<p>x</p>", true));
		ApiClient other = ApiClient.login(this.port, this.acme.other().email(), TestTenants.PASSWORD);
		ApiClient admin = ApiClient.login(this.port, this.acme.admin().email(), TestTenants.PASSWORD);

		assertThat(names(other.get("/api/v1/templates").json())).containsExactly("Shared intro");
		assertThat(other.get("/api/v1/templates/" + mine).status()).isEqualTo(404);
		assertThat(other.get("/api/v1/templates/" + mine + "/render?recordType=CONTACT&recordId=" + this.pat).status())
			.as("a private template cannot be rendered by someone else").isEqualTo(404);
		assertThat(admin.get("/api/v1/templates/" + mine).status()).as("not even by an admin").isEqualTo(404);
		assertThat(other.get("/api/v1/templates/" + shared + "/render?recordType=CONTACT&recordId=" + this.pat).status())
			.isEqualTo(200);

		assertThat(other.put("/api/v1/templates/" + shared, template("CONTACT", "Hijacked", "Hi", "<p>x</p>", true))
			.status()).as("only the owner or an admin edits").isEqualTo(403);
		assertThat(other.delete("/api/v1/templates/" + shared).status()).isEqualTo(403);
		assertThat(admin.put("/api/v1/templates/" + shared, template("CONTACT", "Shared intro v2", "Hi", "<p>y</p>", true))
			.status()).isEqualTo(200);
		assertThat(this.rep.get("/api/v1/templates/" + shared).json().get("name").asString()).isEqualTo("Shared intro v2");

		TestTenant globex = this.tenants.create("Other Template Co");
		ApiClient stranger = ApiClient.login(this.port, globex.admin().email(), TestTenants.PASSWORD);
		assertThat(stranger.get("/api/v1/templates").json().size()).isZero();
		assertThat(stranger.get("/api/v1/templates/" + shared).status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/templates/" + shared + "/render?recordType=CONTACT&recordId=" + this.pat)
			.status()).isEqualTo(404);
		assertThat(stranger.delete("/api/v1/templates/" + shared).status()).isEqualTo(404);

		assertThat(this.rep.delete("/api/v1/templates/" + mine).status()).isEqualTo(204);
		assertThat(this.rep.get("/api/v1/templates/" + mine).status()).isEqualTo(404);
	}

	@Test
	void renderingNeedsARecordTheUserCanSeeOfTheTemplatesType() {
		String id = create(this.rep, template("DEAL", "Deal", "{{deal.title}}", "<p>x</p>", true));
		assertThat(this.rep.get("/api/v1/templates/" + id + "/render?recordType=CONTACT&recordId=" + this.pat).status())
			.isEqualTo(400);
		assertThat(this.rep.get("/api/v1/templates/" + id + "/render?recordType=DEAL&recordId=" + UUID.randomUUID())
			.status()).isEqualTo(404);
		TestTenant globex = this.tenants.create("Foreign Deals Co");
		UUID foreignDeal = globex.as(() -> this.deals.create(new DealData("Foreign secret", null, "USD",
				DealStatus.OPEN, null, Set.of(), null, globex.rep().id(), Set.of())));
		var foreign = this.rep.get("/api/v1/templates/" + id + "/render?recordType=DEAL&recordId=" + foreignDeal);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.body()).doesNotContain("Foreign secret");

		UUID adminsDeal = this.acme.as(() -> this.deals.create(new DealData("Admin only", null, "USD", DealStatus.OPEN,
				null, Set.of(), null, this.acme.admin().id(), Set.of())));
		this.acme.as(() -> {
			this.visibility.change(CrmModule.DEALS, VisibilityScope.OWNER_AND_FOLLOWERS);
			return null;
		});
		try {
			assertThat(this.rep.get("/api/v1/templates/" + id + "/render?recordType=DEAL&recordId=" + adminsDeal)
				.status()).as("a deal the rep may not see").isEqualTo(404);
		}
		finally {
			this.acme.as(() -> {
				this.visibility.change(CrmModule.DEALS, VisibilityScope.EVERYONE);
				return null;
			});
		}
	}

	@Test
	void foldersAreTheCompanysAndDeletingOneMovesItsTemplatesToUnfiled() {
		var created = this.rep.post("/api/v1/template-folders", Map.of("name", "Follow-ups"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String folder = created.json().get("id").asString();
		assertThat(this.rep.post("/api/v1/template-folders", Map.of("name", "follow-ups")).status())
			.as("names are unique, ignoring case").isEqualTo(400);
		assertThat(this.rep.post("/api/v1/template-folders", Map.of("name", "Unfiled")).status()).isEqualTo(400);

		Map<String, Object> filed = template("CONTACT", "Filed", "Hi", "<p>x</p>", false);
		filed.put("folderId", folder);
		String id = create(this.rep, filed);
		ApiClient other = ApiClient.login(this.port, this.acme.other().email(), TestTenants.PASSWORD);
		Map<String, Object> othersFiled = template("DEAL", "Other's", "Hi", "<p>x</p>", false);
		othersFiled.put("folderId", folder);
		String othersId = create(other, othersFiled);
		assertThat(this.rep.get("/api/v1/templates?folderId=" + folder).json().size())
			.as("the other rep's private template is not listed").isEqualTo(1);

		assertThat(other.put("/api/v1/template-folders/" + folder, Map.of("name", "Mine now")).status())
			.as("only the creator or an admin renames").isEqualTo(403);
		assertThat(other.delete("/api/v1/template-folders/" + folder).status()).isEqualTo(403);
		assertThat(this.rep.put("/api/v1/template-folders/" + folder, Map.of("name", "Nachfassen")).json()
			.get("name").asString()).isEqualTo("Nachfassen");
		assertThat(this.rep.get("/api/v1/templates/" + id).json().get("folderName").asString()).isEqualTo("Nachfassen");

		TestTenant globex = this.tenants.create("Folder Thief Co");
		ApiClient stranger = ApiClient.login(this.port, globex.admin().email(), TestTenants.PASSWORD);
		assertThat(stranger.get("/api/v1/template-folders").json().size()).isZero();
		assertThat(stranger.delete("/api/v1/template-folders/" + folder).status()).isEqualTo(404);
		Map<String, Object> intoForeign = template("CONTACT", "x", "Hi", "<p>x</p>", false);
		intoForeign.put("folderId", folder);
		assertThat(stranger.post("/api/v1/templates", intoForeign).status())
			.as("another company's folder does not exist").isEqualTo(400);

		var deleted = this.rep.delete("/api/v1/template-folders/" + folder);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.json().get("movedToUnfiled").asInt()).isEqualTo(2);
		assertThat(this.rep.get("/api/v1/templates/" + id).json().get("folderId").isNull()).isTrue();
		assertThat(other.get("/api/v1/templates/" + othersId).json().get("name").asString()).isEqualTo("Other's");
	}

	@Test
	void theDemoCompanyHasASharedDealTemplateThatRendersForItsDeals() {
		ApiClient bob = ApiClient.login(this.port, "bob@acme.test", "mailtrail");
		JsonNode visible = bob.get("/api/v1/templates").json();
		assertThat(names(visible)).contains("Renewal check-in").doesNotContain("First introduction");
		String id = null;
		for (JsonNode t : visible) {
			if (t.get("name").asString().equals("Renewal check-in")) {
				id = t.get("id").asString();
			}
		}
		String deal = bob.get("/api/v1/deals?q=Globex%20annual%20renewal").json().get("items").get(0).get("id").asString();
		JsonNode rendered = bob.get("/api/v1/templates/" + id + "/render?recordType=DEAL&recordId=" + deal).json();
		assertThat(rendered.get("subject").asString()).isEqualTo("Globex annual renewal: next steps");
		assertThat(rendered.get("html").asString()).contains("Hi Pat,").contains("<b>$48,000.00</b>")
			.contains("Bob").contains("Acme Inc");
	}

	@Test
	void theAttributeListIsPublishedPerRecordType() {
		JsonNode attributes = this.rep.get("/api/v1/templates/attributes?recordType=deal").json();
		assertThat(names(attributes, "key")).contains("deal.title", "deal.value", "contact.first_name", "user.name",
				"company.name").doesNotContain("activity.title");
	}

	private static List<String> names(JsonNode array) {
		return names(array, "name");
	}

	private static List<String> names(JsonNode array, String field) {
		List<String> names = new java.util.ArrayList<>();
		array.forEach(n -> names.add(n.get(field).asString()));
		return names;
	}

}
