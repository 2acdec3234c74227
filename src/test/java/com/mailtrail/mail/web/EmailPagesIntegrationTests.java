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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The email page and email view through real HTTP, with mail delivered over SMTP. */
@MailtrailIntegrationTest
class EmailPagesIntegrationTests {

	static final String BODY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
			+ "frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	MailDelivery delivery;

	@Autowired
	SmartBccAddresses addresses;

	@Autowired
	JdbcClient jdbc;

	TestTenant company;

	EmailFixtures mail;

	ApiClient api;

	HttpSession rep;

	@BeforeEach
	void setUp() {
		this.company = this.tenants.create("Pages Co");
		this.mail = new EmailFixtures(this.delivery, this.addresses);
		this.api = ApiClient.login(this.port, this.company.rep().email(), TestTenants.PASSWORD);
		this.rep = new HttpSession(this.port).login(this.company.rep().email(), TestTenants.PASSWORD);
	}

	private String contact(String first, String last, String email) {
		var response = this.api.post("/api/v1/contacts",
				Map.of("firstName", first, "lastName", last, "emails", List.of(email)));
		assertThat(response.status()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private String deal(String title, String primaryContactId) {
		var response = this.api.post("/api/v1/deals", Map.of("title", title, "primaryContactId", primaryContactId));
		assertThat(response.status()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	@Test
	void listShowsOwnEmailsNewestFirstAndSearchAndFiltersNarrowIt() {
		contact("Lin", "Wu", "lin.wu@known.example");
		String linked = EmailFixtures.unique("Known customer");
		String unlinked = EmailFixtures.unique("Stranger");
		String me = this.company.rep().email();
		this.mail.deliver(this.company, this.company.rep(),
				MailDelivery.message(me, "Lin Wu <lin.wu@known.example>", null, linked, EmailFixtures.messageId(), "Hi Lin"));
		this.mail.deliver(this.company, this.company.rep(),
				MailDelivery.message(me, "Nobody Known <nobody@unknown.example>", null, unlinked,
						EmailFixtures.messageId(), "Hi"));

		var all = this.rep.get("/emails");
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.body()).contains(linked, unlinked, "Lin Wu", "Nobody Known");

		assertThat(this.rep.get("/emails?q=" + enc(linked)).body()).contains(linked).doesNotContain(unlinked);
		assertThat(this.rep.get("/emails?q=nobody%40unknown").body()).contains(unlinked).doesNotContain(linked);
		assertThat(this.rep.get("/emails?q=Lin+Wu").body()).contains(linked).doesNotContain(unlinked);
		assertThat(this.rep.get("/emails?linked=linked").body()).contains(linked).doesNotContain(unlinked);
		assertThat(this.rep.get("/emails?linked=unlinked").body()).contains(unlinked).doesNotContain(linked);
		assertThat(this.rep.get("/emails?scope=mine").body()).contains(linked, unlinked);
		assertThat(this.rep.get("/emails?q=no-such-thing-at-all").body()).contains("No emails match your search.");
	}

	@Test
	void emptyListPointsToTheSmartBccAddressUnderEmailSettings() {
		var page = new HttpSession(this.port).login(this.company.other().email(), TestTenants.PASSWORD).get("/emails");
		String address = this.company.as(() -> this.addresses.addressOf(this.company.other().id()));
		assertThat(page.body()).contains("No emails yet", address, "href=\"/settings/email\"");
	}

	@Test
	void layoutHasEmailFirstAndEmailSettingsAtTheBottomOfTheMenu() {
		String body = this.rep.get("/emails").body();
		String menu = body.substring(body.indexOf("app-sidebar"), body.indexOf("</nav>", body.indexOf("app-sidebar")));
		assertThat(menu.indexOf(">Email<")).isPositive().isLessThan(menu.indexOf(">Contacts<"));
		assertThat(menu).contains("class=\"nav-link active\" href=\"/emails\"");
		assertThat(menu.indexOf(">Email settings<")).isGreaterThan(menu.indexOf(">Activities<"));
	}

	@Test
	void viewShowsTheOriginalSenderOfAForwardAndTheForwardNoteApart() {
		String subject = EmailFixtures.unique("Budget question");
		this.mail.deliver(this.company, this.company.rep(), EmailFixtures.gmailForward(this.company.rep().email(),
				subject, "Please log this against the renewal.", "What is the budget for next year?"));
		String id = EmailFixtures.idOf(this.api, subject);

		var view = this.rep.get("/emails/" + id);
		assertThat(view.status()).isEqualTo(200);
		String headers = view.body().substring(view.body().indexOf("email-headers"), view.body().indexOf("</dl>"));
		assertThat(headers).contains("Pat Jones &lt;pat.jones@globex.example&gt;", "sam.lee@globex.example",
				"2 Dec 2026").doesNotContain("Fwd:");
		assertThat(view.body()).contains("<h1 class=\"h3 mb-3\">" + subject + "</h1>");
		String forward = view.body().substring(view.body().indexOf("forward-note"));
		assertThat(forward).contains("Forwarded by", this.company.rep().email(), "Please log this against the renewal.");
		assertThat(view.body()).contains("What is the budget for next year?");

		var json = this.api.get("/api/v1/emails/" + id).json();
		assertThat(json.get("forwarded").asBoolean()).isTrue();
		assertThat(json.get("originalSender").get("address").asString()).isEqualTo("pat.jones@globex.example");
		assertThat(json.get("forwardedBy").get("address").asString()).isEqualTo(this.company.rep().email());
		assertThat(json.get("forwardNote").asString()).isEqualTo("Please log this against the renewal.");
	}

	@Test
	void htmlBodyIsServedSanitisedInAStrictFrameAndNeverInlinedInThePage() {
		String subject = EmailFixtures.unique("Newsletter");
		String marker = "marker-" + subject.substring(subject.length() - 8);
		this.mail.deliver(this.company, this.company.rep(),
				EmailFixtures.hostileHtml("Pat <pat@globex.example>", this.company.rep().email(), subject, marker));
		String id = EmailFixtures.idOf(this.api, subject);

		var view = this.rep.get("/emails/" + id);
		assertThat(view.body().replaceAll("\\s+", " ")).contains("<iframe name=\"message-body\" class=\"email-body-frame\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\" src=\"/emails/"
				+ id + "/body\" title=\"Message body\" referrerpolicy=\"no-referrer\"></iframe>");
		assertThat(view.body()).as("links in the body open in a new tab; the body never runs script or shares the app's origin")
			.doesNotContain(marker, "tracker.example", "alert(", "allow-scripts", "allow-same-origin");
		assertThat(view.body()).contains("href=\"/emails/" + id + "/body?images=remote\"", "Show remote images");

		var body = this.rep.get("/emails/" + id + "/body");
		assertThat(body.status()).isEqualTo(200);
		assertThat(body.header("Content-Security-Policy")).isEqualTo(BODY_POLICY);
		assertThat(body.headers().get("content-security-policy")).hasSize(1);
		assertThat(body.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(body.header("Content-Type")).startsWith("text/html");
		assertThat(body.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
		assertThat(body.body()).startsWith("<!DOCTYPE html>").contains(marker, "https://globex.example/offer");
		assertThat(body.body().toLowerCase()).doesNotContain("<script", "alert(", "onload", "javascript:",
				"css.gif");
		// The tracker stays in the markup but the policy gives it no way to load.
		assertThat(body.body()).contains("https://tracker.example/pixel.gif");

		var attachments = this.api.get("/api/v1/emails/" + id).json().get("attachments");
		String logoId = null;
		for (var a : attachments) {
			if (a.get("filename").asString().equals("logo.png")) {
				logoId = a.get("id").asString();
				assertThat(a.get("inline").asBoolean()).isTrue();
			}
		}
		assertThat(logoId).isNotNull();
		// The frame's opaque origin gets no session cookie, so inline images travel inside the document.
		assertThat(body.body()).contains("src=\"data:image/png;base64," + EmailFixtures.PNG_BASE64 + "\"")
			.doesNotContain("cid:");

		var remote = this.rep.get("/emails/" + id + "/body?images=remote");
		assertThat(remote.header("Content-Security-Policy"))
			.isEqualTo(BODY_POLICY.replace("img-src 'self' data:", "img-src 'self' data: https: http:"));

		var logo = this.rep.get("/emails/" + id + "/attachments/" + logoId);
		assertThat(logo.header("Content-Type")).isEqualTo("image/png");
	}

	@Test
	void attachmentsDownloadAsAttachmentsWithSafeNamesAndNeverAsHtml() {
		String subject = EmailFixtures.unique("Invoice");
		this.mail.deliver(this.company, this.company.rep(),
				EmailFixtures.hostileHtml("Pat <pat@globex.example>", this.company.rep().email(), subject, "x"));
		String id = EmailFixtures.idOf(this.api, subject);
		String htmlAttachment = null;
		for (var a : this.api.get("/api/v1/emails/" + id).json().get("attachments")) {
			if (!a.get("inline").asBoolean()) {
				htmlAttachment = a.get("id").asString();
			}
		}
		assertThat(htmlAttachment).isNotNull();
		assertThat(this.rep.get("/emails/" + id).body()).contains("/emails/" + id + "/attachments/" + htmlAttachment);

		var download = this.rep.get("/emails/" + id + "/attachments/" + htmlAttachment);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
		assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.headers()).doesNotContainKey("x-evil");
		String disposition = download.header("Content-Disposition");
		assertThat(disposition).isEqualTo(
				"attachment; filename=\"r_sum_; X-Evil 1.html\"; filename*=UTF-8''r%C3%A9sum%C3%A9%3B%20X-Evil%201.html");
		assertThat(download.body()).contains("<script>alert('attachment')</script>");
	}

	@Test
	void rawDownloadIsTheOriginalMessageAsAnEmlAttachment() {
		String subject = EmailFixtures.unique("Raw please");
		this.mail.deliver(this.company, this.company.rep(),
				EmailFixtures.plain(this.company.rep().email(), "pat@globex.example", subject, "Original text"));
		String id = EmailFixtures.idOf(this.api, subject);
		assertThat(this.rep.get("/emails/" + id).body()).contains("href=\"/emails/" + id + "/raw\"");

		var raw = this.rep.get("/emails/" + id + "/raw");
		assertThat(raw.status()).isEqualTo(200);
		assertThat(raw.header("Content-Type")).isEqualTo("message/rfc822");
		assertThat(raw.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"" + subject + ".eml\"; filename*=UTF-8''" + subject.replace(" ", "%20")
					+ ".eml");
		assertThat(raw.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(raw.body()).contains("Subject: " + subject, "Original text");
	}

	@Test
	void rawDownloadRestoresAMessageStoredCompressed() {
		String subject = EmailFixtures.unique("Long raw");
		StringBuilder body = new StringBuilder();
		for (int line = 1; line <= 300; line++) {
			body.append("Line ").append(line).append(" of a long proposal, kept compressed in the database.\n");
		}
		this.mail.deliver(this.company, this.company.rep(),
				EmailFixtures.plain(this.company.rep().email(), "pat@globex.example", subject, body.toString()));
		String id = EmailFixtures.idOf(this.api, subject);
		record Stored(String encoding, int size, int storedSize) {
		}
		Stored stored = this.jdbc.sql("""
				select i.raw_encoding, i.raw_size, length(i.raw) as stored_size
				from inbound_message i join email e on e.inbound_message_id = i.id where e.id = cast(:id as uuid)""")
			.param("id", id)
			.query((rs, n) -> new Stored(rs.getString("raw_encoding"), rs.getInt("raw_size"), rs.getInt("stored_size")))
			.single();
		assertThat(stored.encoding()).isEqualTo("LZ4");
		assertThat(stored.storedSize()).isLessThan(stored.size() / 2);

		var raw = this.rep.get("/emails/" + id + "/raw");

		assertThat(raw.status()).isEqualTo(200);
		assertThat(raw.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(stored.size());
		assertThat(raw.body()).contains("Subject: " + subject,
				"Line 1 of a long proposal, kept compressed in the database.\r\nLine 2 of",
				"Line 300 of a long proposal, kept compressed in the database.");
		assertThat(this.rep.get("/emails/" + id).body()).contains("Line 300 of a long proposal");
	}

	@Test
	void plainTextIsShownEscapedInThePage() {
		String subject = EmailFixtures.unique("Angle <b>brackets</b>");
		this.mail.deliver(this.company, this.company.rep(), EmailFixtures.plain(this.company.rep().email(),
				"pat@globex.example", subject, "<script>alert('text')</script> & more"));
		String id = EmailFixtures.idOf(this.api, subject);
		var view = this.rep.get("/emails/" + id);
		assertThat(view.body()).contains("&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt; &amp; more")
			.contains("Angle &lt;b&gt;brackets&lt;/b&gt;")
			.doesNotContain("<script>alert", "<iframe");
		assertThat(this.rep.get("/emails/" + id + "/body").status()).isEqualTo(404);
	}

	@Test
	void linkAndUnlinkFromTheViewShowTheReasonAndTheTimelines() {
		String pat = contact("Pat", "Page", "pat.page@customer.example");
		String dealId = deal("Page renewal " + EmailFixtures.unique(""), pat);
		String other = deal("Other deal " + EmailFixtures.unique(""), contact("Sam", "Else", "sam@else.example"));
		String subject = EmailFixtures.unique("Renewal terms");
		this.mail.deliver(this.company, this.company.rep(),
				EmailFixtures.plain(this.company.rep().email(), "pat.page@customer.example", subject, "Terms"));
		String id = EmailFixtures.idOf(this.api, subject);

		var view = this.rep.get("/emails/" + id);
		assertThat(view.body()).contains("pat.page@customer.example is on this email",
				"the only open deal with pat.page@customer.example");
		var dealPage = this.rep.get("/deals/" + dealId);
		assertThat(dealPage.body()).contains(subject, "href=\"/emails/" + id + "\"",
				"Linked: the only open deal with pat.page@customer.example");
		assertThat(this.rep.get("/contacts/" + pat).body()).contains(subject, "pat.page@customer.example is on this email");

		var linked = this.rep.post("/emails/" + id + "/links", Map.of("recordType", "DEAL", "recordId", other));
		assertThat(linked.status()).isEqualTo(302);
		assertThat(linked.location()).endsWith("/emails/" + id);
		String repName = "Rep " + this.company.rep().email().substring(4, 12);
		view = this.rep.get("/emails/" + id);
		assertThat(view.body()).contains("Linked to Other deal", "linked by " + repName);
		assertThat(this.rep.get("/deals/" + other).body()).contains(subject, "Linked: linked by " + repName);

		var unlinked = this.rep.post("/emails/" + id + "/links/remove", Map.of("recordType", "DEAL", "recordId", other));
		assertThat(unlinked.status()).isEqualTo(302);
		assertThat(this.rep.get("/emails/" + id).body()).contains("Link removed.").doesNotContain("linked by " + repName);
		assertThat(this.rep.get("/deals/" + other).body()).doesNotContain(subject);

		String activity = this.api
			.post("/api/v1/activities", Map.of("type", "CALL", "title", "Call about terms", "dealId", dealId))
			.json()
			.get("id")
			.asString();
		this.rep.get("/emails/" + id);
		assertThat(this.rep.post("/emails/" + id + "/links", Map.of("recordType", "ACTIVITY", "recordId", activity))
			.status()).isEqualTo(302);
		assertThat(this.rep.get("/activities/" + activity).body()).contains(subject, "Linked: linked by " + repName);
		assertThat(this.rep.get("/emails/" + id).body()).contains("Call about terms");

		var withoutCsrf = this.rep.postRaw("/emails/" + id + "/links", Map.of("recordType", "DEAL", "recordId", other));
		assertThat(withoutCsrf.status()).isEqualTo(403);
	}

	@Test
	void twoOpenDealsAreOfferedAsCandidatesAndOneClickLinksTheChosenOne() {
		String kim = contact("Kim", "Two", "kim.two@customer.example");
		String first = "Kim first " + EmailFixtures.unique("");
		String second = "Kim second " + EmailFixtures.unique("");
		deal(first, kim);
		String secondId = deal(second, kim);
		String subject = EmailFixtures.unique("Which deal");
		this.mail.deliver(this.company, this.company.rep(),
				EmailFixtures.plain(this.company.rep().email(), "kim.two@customer.example", subject, "Hello"));
		String id = EmailFixtures.idOf(this.api, subject);

		var view = this.rep.get("/emails/" + id);
		assertThat(view.body()).contains("Link to " + first, "Link to " + second);

		var chosen = this.rep.post("/emails/" + id + "/deal", Map.of("dealId", secondId));
		assertThat(chosen.status()).isEqualTo(302);
		view = this.rep.get("/emails/" + id);
		String repName = "Rep " + this.company.rep().email().substring(4, 12);
		assertThat(view.body()).contains("linked by " + repName).doesNotContain("Link to " + first);
		assertThat(this.rep.get("/deals/" + secondId).body()).contains(subject);
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

}
