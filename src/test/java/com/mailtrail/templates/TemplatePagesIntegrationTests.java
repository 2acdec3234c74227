package com.mailtrail.templates;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import static org.assertj.core.api.Assertions.assertThat;

/** Email settings → Templates as a signed-in user sees it, and the session JSON endpoint the picker uses. */
@MailtrailIntegrationTest
class TemplatePagesIntegrationTests {

	private static final Pattern SAVED = Pattern.compile("/settings/email/templates/([0-9a-f-]{36})$");

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	ContactService contacts;

	@Autowired
	DealService deals;

	TestTenant acme;

	HttpSession rep;

	UUID deal;

	@BeforeEach
	void signIn() {
		this.acme = this.tenants.create("Template Pages Co");
		this.rep = new HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD);
		UUID contact = this.acme.as(() -> this.contacts.create(new ContactData("Zoë", "Ng", null, null,
				List.of("zoe@example.test"), this.acme.rep().id(), Set.of())));
		this.deal = this.acme.as(() -> this.deals.create(new DealData("Renewal 2027", new BigDecimal("990"), "GBP",
				DealStatus.OPEN, contact, Set.of(), null, this.acme.rep().id(), Set.of())));
	}

	private String save(Map<String, String> fields) {
		this.rep.get("/settings/email/templates/new");
		var saved = this.rep.post("/settings/email/templates", fields);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		Matcher m = SAVED.matcher(saved.location());
		assertThat(m.find()).as(saved.location()).isTrue();
		return m.group(1);
	}

	private static Map<String, String> form(String type, String name, String subject, String body) {
		Map<String, String> f = new HashMap<>();
		f.put("recordType", type);
		f.put("name", name);
		f.put("folderId", "");
		f.put("subject", subject);
		f.put("body", body);
		f.put("shared", "false");
		return f;
	}

	@Test
	void theHeaderMenuAndTheSettingsTabLeadToTheTemplatesListedByFolder() {
		String home = this.rep.get("/settings/email").body();
		assertThat(home).contains("href=\"/settings/email/templates\">Email Templates</a>")
			.contains("href=\"/settings/email/templates\">Templates</a>");
		assertThat(this.rep.get("/templates").location()).endsWith("/settings/email/templates");

		this.rep.get("/settings/email/templates");
		this.rep.post("/settings/email/templates/folders", Map.of("name", "Renewals"));
		String list = this.rep.get("/settings/email/templates").body();
		assertThat(list).contains("Folder &quot;Renewals&quot; created.").contains(">Renewals</h2>").contains(">Unfiled</h2>");
		String folderId = folderIdFrom(list);

		Map<String, String> filed = form("DEAL", "Renewal nudge", "{{deal.title}}", "<p>Hi {{contact.first_name}}</p>");
		filed.put("folderId", folderId);
		save(filed);
		save(form("CONTACT", "Intro", "Hello", "<p>Hello</p>"));
		String page = this.rep.get("/settings/email/templates").body();
		assertThat(page.indexOf("Renewal nudge")).isBetween(page.indexOf(">Renewals</h2>"), page.indexOf(">Unfiled</h2>"));
		assertThat(page.indexOf(">Intro</a>")).isGreaterThan(page.indexOf(">Unfiled</h2>"));

		String searched = this.rep.get("/settings/email/templates?q=nudge").body();
		assertThat(searched).contains("Renewal nudge").doesNotContain(">Intro</a>").contains("1 template found.");
		assertThat(this.rep.get("/settings/email/templates?type=CONTACT").body()).contains(">Intro</a>")
			.doesNotContain("Renewal nudge");

		var confirm = this.rep.get("/settings/email/templates/folders/" + folderId + "/delete");
		assertThat(confirm.body()).contains("Its 1 template moves to Unfiled");
		assertThat(this.rep.get("/settings/email/templates").body()).as("nothing deleted before confirming")
			.contains(">Renewals</h2>");
		this.rep.get("/settings/email/templates/folders/" + folderId + "/delete");
		this.rep.post("/settings/email/templates/folders/" + folderId + "/delete", Map.of());
		String after = this.rep.get("/settings/email/templates").body();
		assertThat(after).contains("1 template moved to Unfiled.").doesNotContain(">Renewals</h2>");
		assertThat(after.indexOf("Renewal nudge")).isGreaterThan(after.indexOf(">Unfiled</h2>"));
	}

	@Test
	void anUnknownAttributeIsRefusedOnTheFormWithItsNameAndTheInputKept() {
		this.rep.get("/settings/email/templates/new?type=DEAL");
		var refused = this.rep.post("/settings/email/templates",
				form("DEAL", "Typo", "About {{deal.titel}}", "<p>Body I wrote</p>"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("The template was not saved.").contains("{{deal.titel}}")
			.contains("Body I wrote").contains("value=\"Typo\"");
	}

	/** Each attempt would print "qqzz" if evaluated; the text itself never contains that word. */
	@Test
	void thymeleafAndExpressionSyntaxInATemplateIsShownAsTextNeverEvaluated() {
		String attempts = "[[${'qq'.concat('zz')}]] [(${'qq'.concat('zz')})] __${'qq'.concat('zz')}__ "
				+ "${'qq'.concat('zz')} #{'qq'.concat('zz')} *{T(java.lang.Runtime).getRuntime()} "
				+ "~{fragments/layout :: flash}";
		String escaped = attempts.replace("'", "&#39;");
		String id = save(form("DEAL", "Attempts " + attempts, "S " + attempts, "<p>B " + attempts + "</p>"));
		String edit = this.rep.get("/settings/email/templates/" + id).body();
		assertThat(edit).doesNotContain("qqzz").contains(escaped);
		String list = this.rep.get("/settings/email/templates").body();
		assertThat(list).doesNotContain("qqzz").contains("S " + escaped);

		var preview = this.rep.get("/settings/email/templates/preview?type=DEAL&recordId=" + this.deal + "&template=" + id);
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).doesNotContain("qqzz")
			.contains("value=\"S " + escaped + "\"")
			.contains("<p>B " + attempts + "</p>");
	}

	@Test
	void thePreviewRendersAChosenTemplateAgainstARealRecordWithoutJavaScript() {
		String id = save(form("DEAL", "Quote", "Quote for {{deal.title}}",
				"<p>Hi {{contact.first_name | default: \"there\"}}, that is {{deal.value}}.</p>"));
		String choose = this.rep.get("/settings/email/templates/preview?type=DEAL&template=" + id).body();
		assertThat(choose).contains("Renewal 2027").doesNotContain("id=\"template-picker\"");
		String shown = this.rep.get("/settings/email/templates/preview?type=DEAL&recordId=" + this.deal + "&template=" + id)
			.body();
		assertThat(shown).contains("value=\"Quote for Renewal 2027\"")
			.contains("<p>Hi Zoë, that is £990.00.</p>")
			.contains("data-template-picker")
			.contains("data-record-type=\"DEAL\"")
			.contains("data-record-id=\"" + this.deal + "\"")
			.containsPattern("<option value=\"" + id + "\" selected=\"selected\">Quote</option>");
		assertThat(this.rep.get("/settings/email/templates/preview?type=CONTACT&template=" + id).location())
			.as("a deal template previews against deals").contains("type=DEAL");
	}

	@Test
	void theSessionRenderEndpointAnswersJsonForThePicker() {
		String id = save(form("DEAL", "Json", "{{deal.title}} \u2014 {{user.name}}", "<p>{{deal.value}}</p>"));
		var rendered = this.rep.getJson("/templates/" + id + "/render?recordType=DEAL&recordId=" + this.deal);
		assertThat(rendered.status()).as(rendered.body()).isEqualTo(200);
		assertThat(rendered.body()).contains("\"subject\":\"Renewal 2027 — Rep ").contains("\"html\":\"<p>£990.00</p>\"");

		var other = new HttpSession(this.port).login(this.acme.other().email(), TestTenants.PASSWORD);
		var hidden = other.getJson("/templates/" + id + "/render?recordType=DEAL&recordId=" + this.deal);
		assertThat(hidden.status()).as("a private template").isEqualTo(404);
		assertThat(hidden.body()).doesNotContain("Renewal 2027");

		var anonymous = new HttpSession(this.port)
			.getJson("/templates/" + id + "/render?recordType=DEAL&recordId=" + this.deal);
		assertThat(anonymous.status()).isIn(302, 401);
		assertThat(anonymous.body()).doesNotContain("Renewal 2027");
	}

	@Test
	void sharedTemplatesAreReadOnlyForColleaguesAndPrivateOnesAbsent() {
		Map<String, String> shared = form("CONTACT", "Team intro", "Hello", "<p>Hello</p>");
		shared.put("shared", "true");
		String sharedId = save(shared);
		String privateId = save(form("CONTACT", "My notes", "Hello", "<p>Hello</p>"));
		var other = new HttpSession(this.port).login(this.acme.other().email(), TestTenants.PASSWORD);
		String list = other.get("/settings/email/templates").body();
		assertThat(list).contains("Team intro").doesNotContain("My notes");
		assertThat(other.get("/settings/email/templates/" + privateId).status()).isEqualTo(404);
		String view = other.get("/settings/email/templates/" + sharedId).body();
		assertThat(view).contains("only its owner or an admin can change it").doesNotContain("Delete template");
		var refused = other.post("/settings/email/templates/" + sharedId + "/delete", Map.of());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(this.rep.get("/settings/email/templates").body()).contains("Team intro");
	}

	private static String folderIdFrom(String page) {
		Matcher m = Pattern.compile("/settings/email/templates/folders/([0-9a-f-]{36})/rename").matcher(page);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

}
