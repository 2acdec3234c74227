package com.mailtrail.tracking;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.mail.outbound.OutgoingHtmlRewriter;
import com.mailtrail.support.HttpSession;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.mailtrail.tracking.TrackingFixtures.CHROME;
import static com.mailtrail.tracking.TrackingFixtures.awaitAtLeast;
import static com.mailtrail.tracking.TrackingFixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

/** The owner hears of people's opens and clicks, throttled, and reads them on the notifications page. */
@MailtrailIntegrationTest
class TrackingNotificationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	MailDelivery delivery;

	@Autowired
	SmartBccAddresses addresses;

	@Autowired
	EmailRepository emails;

	@Autowired
	List<OutgoingHtmlRewriter> rewriters;

	@Autowired
	JdbcClient jdbc;

	@Test
	void firstOpenAndEveryFirstClickPerLinkNotifyTheOwnerOnly() {
		var fixtures = new TrackingFixtures(this.delivery, this.addresses, this.emails, this.rewriters, this.jdbc,
				this.port);
		TestTenant acme = this.tenants.create("Notify Co");
		UUID email = fixtures.email(acme, acme.rep(), "Proposal for Globex");
		Document sent = TrackingFixtures.parse(fixtures.send(acme, email, acme.rep().id(), true,
				"<a href=\"https://example.com/pricing\">pricing</a><a href=\"https://example.com/terms\">terms</a>"));
		fixtures.sentAnHourAgo(email);
		String pixel = path(sent.select("img").last().attr("src"));
		List<String> links = sent.select("a").eachAttr("href").stream().map(TrackingFixtures::path).toList();
		String count = "select count(*) from notification where user_id = ? and message like ?";

		fixtures.get(pixel, Map.of("User-Agent", "Mozilla/5.0 (via ggpht.com GoogleImageProxy)"));
		fixtures.get(pixel, Map.of("User-Agent", CHROME));
		fixtures.get(pixel, Map.of("User-Agent", CHROME));
		fixtures.get(links.get(0), Map.of("User-Agent", CHROME));
		fixtures.get(links.get(0), Map.of("User-Agent", CHROME));
		fixtures.get(links.get(0), Map.of("User-Agent", "Proofpoint URL Defense"));
		// The last click notifies; events are written and notified in order, so everything before it is done.
		fixtures.get(links.get(1), Map.of("User-Agent", CHROME));
		awaitAtLeast(1, () -> fixtures.count(count, acme.rep().id(), "%clicked https://example.com/terms%"));

		assertThat(fixtures.count(count, acme.rep().id(), "Pat Jones opened \u201cProposal for Globex\u201d"))
			.as("one open notification within the hour").isEqualTo(1);
		assertThat(fixtures.count(count, acme.rep().id(), "Pat Jones clicked https://example.com/pricing in%"))
			.as("one per link").isEqualTo(1);
		assertThat(fixtures.count("select count(*) from notification where tenant_id = ?", acme.id().value()))
			.isEqualTo(3);

		HttpSession owner = new HttpSession(this.port).login(acme.rep().email(), TestTenants.PASSWORD);
		var page = owner.get("/notifications");
		assertThat(page.body()).contains("Pat Jones opened \u201cProposal for Globex\u201d")
			.contains("clicked https://example.com/terms")
			.contains("/emails/" + email);
		UUID first = this.jdbc.sql("select id from notification where user_id = ? order by created_at limit 1")
			.param(acme.rep().id())
			.query(UUID.class)
			.single();

		// Nobody else can read or mark them.
		HttpSession colleague = new HttpSession(this.port).login(acme.other().email(), TestTenants.PASSWORD);
		assertThat(colleague.get("/notifications").body()).doesNotContain("Proposal for Globex");
		colleague.post("/notifications/" + first + "/read", Map.of());
		assertThat(unread(acme)).isEqualTo(3);

		owner.get("/notifications");
		assertThat(owner.post("/notifications/" + first + "/read", Map.of()).status()).isEqualTo(302);
		assertThat(unread(acme)).isEqualTo(2);
		owner.get("/notifications");
		owner.post("/notifications/read-all", Map.of());
		assertThat(unread(acme)).isZero();
	}

	@Test
	void theReportShowsWeeklyRatesOfPeopleOnly() {
		var fixtures = new TrackingFixtures(this.delivery, this.addresses, this.emails, this.rewriters, this.jdbc,
				this.port);
		TestTenant acme = this.tenants.create("Report Co");
		UUID opened = fixtures.email(acme, acme.rep(), "Opened one");
		UUID proxied = fixtures.email(acme, acme.rep(), "Proxied one");
		String openedPixel = path(TrackingFixtures.parse(fixtures.send(acme, opened, acme.rep().id(), true, "<p>a</p>"))
			.select("img").last().attr("src"));
		String proxiedPixel = path(TrackingFixtures
			.parse(fixtures.send(acme, proxied, acme.rep().id(), true, "<p>b</p>")).select("img").last().attr("src"));
		fixtures.get(proxiedPixel, Map.of("User-Agent", "Mozilla/5.0"));
		fixtures.get(openedPixel, Map.of("User-Agent", CHROME));
		awaitAtLeast(2, () -> fixtures.count("select count(*) from tracking_event where tenant_id = ?",
				acme.id().value()));

		HttpSession owner = new HttpSession(this.port).login(acme.rep().email(), TestTenants.PASSWORD);
		String report = owner.get("/reports/tracking").body();
		assertThat(report).contains("Open and click rates").contains("<svg").contains("50%</td>");
		HttpSession colleague = new HttpSession(this.port).login(acme.other().email(), TestTenants.PASSWORD);
		assertThat(colleague.get("/reports/tracking").body()).contains("No tracked emails");
	}

	private long unread(TestTenant tenant) {
		return this.jdbc.sql("select count(*) from notification where user_id = ? and read_at is null")
			.param(tenant.rep().id())
			.query(Long.class)
			.single();
	}

}
