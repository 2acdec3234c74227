package com.mailtrail.tracking;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.mail.outbound.OutgoingHtmlRewriter;
import com.mailtrail.support.HttpSession;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.mailtrail.tracking.TrackingFixtures.CHROME;
import static com.mailtrail.tracking.TrackingFixtures.awaitAtLeast;
import static com.mailtrail.tracking.TrackingFixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

@MailtrailIntegrationTest
class TrackingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	com.mailtrail.mail.EmailShares shares;

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

	TrackingFixtures fixtures;

	TestTenant acme;

	@BeforeEach
	void setUp() {
		this.fixtures = new TrackingFixtures(this.delivery, this.addresses, this.emails, this.rewriters, this.jdbc,
				this.port);
		this.acme = this.tenants.create("Tracking Co");
	}

	/** Each row: the href as written in the HTML source, and the Location the click must answer with. */
	static final Map<String, String> URL_TABLE = new LinkedHashMap<>();

	static {
		URL_TABLE.put("https://example.com/search?q=a&amp;b=c&amp;lang=en", "https://example.com/search?q=a&b=c&lang=en");
		URL_TABLE.put("https://example.com/p?x=1&y=2", "https://example.com/p?x=1&y=2");
		URL_TABLE.put("https://example.com/page#section-2", "https://example.com/page#section-2");
		URL_TABLE.put("https://example.com/a?b=c#frag?with=query&and", "https://example.com/a?b=c#frag?with=query&and");
		URL_TABLE.put("https://b\u00fccher.example/stra\u00dfe?x=\u00fc", "https://xn--bcher-kva.example/stra%C3%9Fe?x=%C3%BC");
		URL_TABLE.put("https://example.com/a%20b/%E2%82%AC?next=%2Fhome%3Fa%3D1", "https://example.com/a%20b/%E2%82%AC?next=%2Fhome%3Fa%3D1");
		URL_TABLE.put("https://example.com/\u8def\u5f84/\u00e9t\u00e9", "https://example.com/%E8%B7%AF%E5%BE%84/%C3%A9t%C3%A9");
		URL_TABLE.put("https://example.com/emoji/\ud83d\ude00", "https://example.com/emoji/%F0%9F%98%80");
		URL_TABLE.put("HTTPS://EXAMPLE.COM/Upper/Case?Q=V", "HTTPS://EXAMPLE.COM/Upper/Case?Q=V");
		URL_TABLE.put("Http://example.com/mixed", "Http://example.com/mixed");
		URL_TABLE.put("  \n https://example.com/whitespace?a=1 \t ", "https://example.com/whitespace?a=1");
		URL_TABLE.put("https://user@example.com:8443/port?x=%25", "https://user@example.com:8443/port?x=%25");
		URL_TABLE.put("https://example.com/?redirect=https%3A%2F%2Fevil.example", "https://example.com/?redirect=https%3A%2F%2Fevil.example");
	}

	@Test
	void rewritesEveryWebLinkAndRedirectsToExactlyTheOriginalUrl() {
		UUID email = this.fixtures.email(this.acme, this.acme.rep(), "Fidelity");
		StringBuilder html = new StringBuilder("<p>Hello</p>");
		URL_TABLE.keySet().forEach(href -> html.append("<a href=\"").append(href).append("\">link</a>\n"));
		html.append("<a href=\"/relative/path\">r</a><a href=\"page.html?a=1\">r2</a>")
			.append("<a href=\"mailto:pat@globex.example\">m</a><a href=\"tel:+15551234\">t</a>")
			.append("<a href=\"#top\">anchor</a><a href=\"javascript:alert(1)\">js</a>")
			.append("<a href=\"ftp://example.com/file\">ftp</a>")
			.append("<a data-mailtrail-notrack href=\"https://example.com/unsubscribe\">skip</a>");
		String sent = this.fixtures.send(this.acme, email, this.acme.rep().id(), true, html.toString());
		this.fixtures.sentAnHourAgo(email);

		Document document = TrackingFixtures.parse(sent);
		List<Element> links = document.select("a[href]");
		List<String> expected = List.copyOf(URL_TABLE.values());
		for (int i = 0; i < expected.size(); i++) {
			String href = links.get(i).attr("href");
			assertThat(href).as("link %d rewritten", i).matches("http://localhost:8080/t/c/[A-Za-z0-9_-]{38}");
			HttpResponse<byte[]> response = this.fixtures.get(path(href), Map.of("User-Agent", CHROME));
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as("target of %s", expected.get(i))
				.contains(expected.get(i));
		}
		List<String> untouched = links.subList(expected.size(), links.size()).stream().map(a -> a.attr("href")).toList();
		assertThat(untouched).containsExactly("/relative/path", "page.html?a=1", "mailto:pat@globex.example",
				"tel:+15551234", "#top", "javascript:alert(1)", "ftp://example.com/file", "https://example.com/unsubscribe");
		assertThat(links.get(links.size() - 1).hasAttr("data-mailtrail-notrack")).as("marker not sent").isFalse();
		Element pixel = document.select("img").last();
		assertThat(pixel.attr("src")).matches("http://localhost:8080/t/o/[A-Za-z0-9_-]{38}");
		assertThat(pixel.attr("width")).isEqualTo("1");
		assertThat(pixel.attr("alt")).isEmpty();
		assertThat(sent).as("a fragment stays a fragment").doesNotContain("<html");
	}

	@Test
	void aRetriedSendProducesTheSameTokensAndAnUntrackedEmailIsLeftAlone() {
		UUID email = this.fixtures.email(this.acme, this.acme.rep(), "Retry");
		String html = "<html><body><a href=\"https://example.com/a\">a</a><a href=\"https://example.com/a\">again</a>"
				+ "<a href=\"https://example.com/b\">b</a></body></html>";
		String first = this.fixtures.send(this.acme, email, this.acme.rep().id(), true, html);
		String second = this.fixtures.send(this.acme, email, this.acme.rep().id(), true, html);
		assertThat(second).isEqualTo(first);
		assertThat(first).contains("<html");
		List<String> hrefs = TrackingFixtures.parse(first).select("a").eachAttr("href");
		assertThat(hrefs).doesNotHaveDuplicates();

		UUID untracked = this.fixtures.email(this.acme, this.acme.rep(), "Untracked");
		assertThat(this.fixtures.send(this.acme, untracked, this.acme.rep().id(), false, html)).isEqualTo(html);
		assertThat(this.fixtures.count("select count(*) from tracked_email where email_id = ?", untracked)).isZero();
	}

	@Test
	void theOpenPixelIsTheSameWhateverTheTokenAndOnlyValidTokensAreRecorded() {
		UUID email = this.fixtures.email(this.acme, this.acme.rep(), "Pixel");
		String sent = this.fixtures.send(this.acme, email, this.acme.rep().id(), true, "<p>Hi</p>");
		String pixel = path(TrackingFixtures.parse(sent).select("img").last().attr("src"));
		String token = pixel.substring("/t/o/".length());

		HttpResponse<byte[]> valid = this.fixtures.get(pixel, Map.of("User-Agent", CHROME));
		List<HttpResponse<byte[]>> invalid = List.of(
				this.fixtures.get("/t/o/" + tampered(token), Map.of("User-Agent", CHROME)),
				this.fixtures.get("/t/o/" + otherDeployment(), Map.of("User-Agent", CHROME)),
				this.fixtures.get("/t/o/nonsense", Map.of("User-Agent", CHROME)),
				this.fixtures.get("/t/o/" + token.substring(1), Map.of("User-Agent", CHROME)));
		for (HttpResponse<byte[]> response : invalid) {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo(valid.body()).isEqualTo(TrackingController.PIXEL);
			assertThat(response.headers().firstValue("Content-Type")).contains("image/gif");
			assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
			assertThat(response.headers().firstValue("Set-Cookie")).as("no session").isEmpty();
		}
		assertThat(valid.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");

		// A second valid open behind the invalid ones: once it is written, the invalid ones would have been too.
		this.fixtures.get(pixel, Map.of("User-Agent", CHROME));
		awaitAtLeast(2, () -> this.fixtures.events(email).size());
		var events = this.fixtures.events(email);
		assertThat(events).hasSize(2).allSatisfy(e -> {
			assertThat(e.get("kind")).isEqualTo("OPEN");
			assertThat(e.get("audience")).isEqualTo("PERSON");
			assertThat(e.get("user_agent")).isEqualTo(CHROME);
			assertThat((String) e.get("ip")).isEqualTo("127.0.0.0");
			assertThat(e.get("tenant_id")).isEqualTo(this.acme.id().value());
		});
	}

	@Test
	void badTamperedOrForeignClickTokensGetA404PageAndNoRedirect() {
		UUID email = this.fixtures.email(this.acme, this.acme.rep(), "Tamper");
		String sent = this.fixtures.send(this.acme, email, this.acme.rep().id(), true,
				"<a href=\"https://example.com/offer\">offer</a>");
		String click = path(TrackingFixtures.parse(sent).select("a").first().attr("href"));
		String token = click.substring("/t/c/".length());
		String openToken = path(TrackingFixtures.parse(sent).select("img").last().attr("src")).substring(5);

		for (String bad : List.of("/t/c/" + tampered(token), "/t/c/" + otherDeployment(), "/t/c/" + token + "A",
				"/t/c/" + token.substring(0, 37), "/t/c/" + openToken, "/t/c/https:%2F%2Fevil.example",
				"/t/c/%2F%2Fevil.example", "/t/c/x?url=https://evil.example")) {
			HttpResponse<byte[]> response = this.fixtures.get(bad, Map.of("User-Agent", CHROME));
			assertThat(response.headers().firstValue("Location")).as(bad).isEmpty();
			if (bad.contains("%2F")) {
				// An encoded slash never reaches the controller: the firewall refuses the request outright.
				assertThat(response.statusCode()).as(bad).isEqualTo(400);
				continue;
			}
			assertThat(response.statusCode()).as(bad).isEqualTo(404);
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("This link does not work");
		}
		// Parameters cannot steer a valid token elsewhere.
		HttpResponse<byte[]> steered = this.fixtures.get(click + "?url=https://evil.example&redirect=//evil.example",
				Map.of("User-Agent", CHROME));
		assertThat(steered.statusCode()).isEqualTo(302);
		assertThat(steered.headers().firstValue("Location")).contains("https://example.com/offer");
	}

	@Test
	void headRequestsRedirectWithoutCountingAndAClickCountsAsAnOpen() {
		UUID email = this.fixtures.email(this.acme, this.acme.rep(), "Head");
		String sent = this.fixtures.send(this.acme, email, this.acme.rep().id(), true,
				"<a href=\"https://example.com/one\">one</a>");
		this.fixtures.sentAnHourAgo(email);
		String click = path(TrackingFixtures.parse(sent).select("a").first().attr("href"));

		HttpResponse<byte[]> head = this.fixtures.send("HEAD", click, Map.of("User-Agent", CHROME));
		assertThat(head.statusCode()).isEqualTo(302);
		this.fixtures.get(click, Map.of("User-Agent", CHROME));
		awaitAtLeast(2, () -> this.fixtures.events(email).size());
		var events = this.fixtures.events(email);
		assertThat(events).extracting(e -> e.get("kind") + "/" + e.get("audience") + "/" + e.get("inferred"))
			.containsExactly("CLICK/PERSON/false", "OPEN/PERSON/true");
	}

	@Test
	void eventsAreClassifiedFromRealisticRequests() {
		UUID email = this.fixtures.email(this.acme, this.acme.rep(), "Classes");
		String sent = this.fixtures.send(this.acme, email, this.acme.rep().id(), true,
				"<a href=\"https://example.com/1\">1</a><a href=\"https://example.com/2\">2</a>"
						+ "<a href=\"https://example.com/3\">3</a><a href=\"https://example.com/4\">4</a>");
		Document document = TrackingFixtures.parse(sent);
		String pixel = path(document.select("img").last().attr("src"));
		List<String> clicks = document.select("a").eachAttr("href").stream().map(TrackingFixtures::path).toList();

		// Within seconds of sending, even a browser-like click is a scanner's.
		this.fixtures.get(clicks.get(0), Map.of("User-Agent", CHROME));
		awaitAtLeast(1, () -> this.fixtures.events(email).size());
		assertThat(this.fixtures.events(email).get(0).get("audience")).isEqualTo("SCANNER");
		this.jdbc.sql("delete from tracking_event where email_id = ?").param(email).update();
		this.fixtures.sentAnHourAgo(email);
		// The sent time is cached with the token; a fresh email shows the later rules without that cache.
		UUID later = this.fixtures.email(this.acme, this.acme.rep(), "Classes later");
		Document laterDoc = TrackingFixtures.parse(this.fixtures.send(this.acme, later, this.acme.rep().id(), true,
				"<a href=\"https://example.com/1\">1</a><a href=\"https://example.com/2\">2</a>"
						+ "<a href=\"https://example.com/3\">3</a><a href=\"https://example.com/4\">4</a>"));
		this.fixtures.sentAnHourAgo(later);
		String laterPixel = path(laterDoc.select("img").last().attr("src"));
		List<String> laterClicks = laterDoc.select("a").eachAttr("href").stream().map(TrackingFixtures::path).toList();

		this.fixtures.get(laterPixel, Map.of("User-Agent", "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)"));
		this.fixtures.get(laterPixel, Map.of("User-Agent", "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html"));
		this.fixtures.get(laterPixel, Map.of("User-Agent", "Mozilla/5.0"));
		this.fixtures.get(laterPixel, Map.of("User-Agent", CHROME, "Sec-Purpose", "prefetch"));
		this.fixtures.get(laterPixel, Map.of("User-Agent", TrackingFixtures.APPLE_MAIL));
		this.fixtures.get(laterClicks.get(0), Map.of("User-Agent", "Mozilla/5.0 (compatible; Proofpoint URL Defense)"));
		this.fixtures.get(laterClicks.get(0), Map.of("User-Agent", "Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Microsoft SafeLinks)"));
		this.fixtures.get(laterClicks.get(0), Map.of("User-Agent", "python-requests/2.31.0"));
		awaitAtLeast(8, () -> this.fixtures.events(later).size());
		var audiences = this.fixtures.events(later).stream().map(e -> e.get("kind") + "/" + e.get("audience")).toList();
		assertThat(audiences.subList(0, 8)).containsExactly("OPEN/PROXY", "OPEN/PROXY", "OPEN/PROXY", "OPEN/PROXY",
				"OPEN/PERSON", "CLICK/SCANNER", "CLICK/SCANNER", "CLICK/SCANNER");

		// Three different links within a second from one address: the burst is a scanner's, earlier clicks included.
		UUID burst = this.fixtures.email(this.acme, this.acme.rep(), "Burst");
		Document burstDoc = TrackingFixtures.parse(this.fixtures.send(this.acme, burst, this.acme.rep().id(), true,
				"<a href=\"https://example.com/1\">1</a><a href=\"https://example.com/2\">2</a>"
						+ "<a href=\"https://example.com/3\">3</a>"));
		this.fixtures.sentAnHourAgo(burst);
		List<String> burstClicks = burstDoc.select("a").eachAttr("href").stream().map(TrackingFixtures::path).toList();
		long started = System.nanoTime();
		burstClicks.forEach(c -> this.fixtures.get(c, Map.of("User-Agent", CHROME)));
		if (System.nanoTime() - started < 900_000_000L) {
			awaitAtLeast(3, () -> this.fixtures.count(
					"select count(*) from tracking_event where email_id = ? and kind = 'CLICK' and audience = 'SCANNER'",
					burst));
		}

		// The owner, signed in, clicking their own email.
		HttpSession owner = new HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD);
		owner.get(laterClicks.get(3));
		awaitAtLeast(1, () -> this.fixtures.count(
				"select count(*) from tracking_event where email_id = ? and audience = 'SENDER'", later));
	}

	@Test
	void eventsBelongToTheEmailsTenantAndItsVisibility() {
		UUID email = this.fixtures.email(this.acme, this.acme.rep(), "Isolation " + UUID.randomUUID());
		String sent = this.fixtures.send(this.acme, email, this.acme.rep().id(), true, "<p>Hi</p>");
		this.fixtures.get(path(TrackingFixtures.parse(sent).select("img").last().attr("src")),
				Map.of("User-Agent", CHROME));
		awaitAtLeast(1, () -> this.fixtures.events(email).size());

		HttpSession owner = new HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD);
		assertThat(owner.get("/emails/" + email).body()).contains("Opens and clicks").contains("1 open");
		assertThat(owner.get("/emails?scope=mine").body()).contains("Opened");

		HttpSession colleague = new HttpSession(this.port).login(this.acme.other().email(), TestTenants.PASSWORD);
		var page = colleague.get("/emails/" + email);
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).doesNotContain("Opens and clicks");
		this.acme.as(() -> {
			this.shares.share(email, List.of(this.acme.other().id()), this.acme.rep().id());
			return null;
		});
		assertThat(colleague.get("/emails/" + email).body()).as("shared with the colleague: so is its tracking")
			.contains("Opens and clicks")
			.contains("1 open");

		TestTenant globex = this.tenants.create("Other Co");
		HttpSession stranger = new HttpSession(this.port).login(globex.admin().email(), TestTenants.PASSWORD);
		assertThat(stranger.get("/emails/" + email).status()).isEqualTo(404);
		assertThat(globex.as(() -> new TrackedEmailEngagementProbe(this.jdbc).visibleEvents(globex, email))).isZero();
	}

	@Test
	void viewingAReplyThatQuotesATrackedEmailInsideMailtrailNeverFiresItsPixel() {
		UUID email = this.fixtures.email(this.acme, this.acme.rep(), "Quoted");
		String sent = this.fixtures.send(this.acme, email, this.acme.rep().id(), true, "<p>Offer</p>");
		String pixelUrl = TrackingFixtures.parse(sent).select("img").last().attr("src");
		String messageId = UUID.randomUUID() + "@globex.example";
		String reply = "From: Pat Jones <pat.jones@globex.example>\r\nTo: " + this.acme.rep().email()
				+ "\r\nSubject: Re: Quoted\r\nMessage-ID: <" + messageId + ">\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>Thanks!</p><blockquote><p>Offer</p><img src=\""
				+ pixelUrl + "\" width=\"1\" height=\"1\"></blockquote>\r\n";
		String bcc = this.acme.as(() -> this.addresses.addressOf(this.acme.rep().id()));
		assertThat(this.delivery.send(this.acme.rep().email(), bcc, reply).data()).startsWith("250");
		this.delivery.awaitProcessed();
		UUID stored = this.acme.as(() -> this.emails.findByDedupeKey("mid:" + messageId).orElseThrow().getId());

		HttpSession owner = new HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD);
		String body = owner.get("/emails/" + stored + "/body?images=remote").body();
		assertThat(body).contains("Thanks!").doesNotContain("/t/o/");
	}

	@Test
	void theRewriterRefusesAnEmailOfAnotherTenantOrSender() {
		UUID email = this.fixtures.email(this.acme, this.acme.rep(), "Not yours");
		TestTenant globex = this.tenants.create("Elsewhere Co");
		org.assertj.core.api.Assertions
			.assertThatIllegalArgumentException()
			.isThrownBy(() -> this.fixtures.send(globex, email, globex.rep().id(), true, "<p>x</p>"));
		org.assertj.core.api.Assertions
			.assertThatIllegalArgumentException()
			.isThrownBy(() -> this.fixtures.send(this.acme, email, this.acme.other().id(), true, "<p>x</p>"));
		assertThat(this.fixtures.count("select count(*) from tracked_email where email_id = ?", email)).isZero();
	}

	private static String tampered(String token) {
		char[] chars = token.toCharArray();
		chars[5] = chars[5] == 'A' ? 'B' : 'A';
		return new String(chars);
	}

	/** A well-formed token signed with another deployment's key. */
	private static String otherDeployment() {
		try {
			byte[] id = new byte[16];
			new SecureRandom().nextBytes(id);
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] tag = mac.doFinal(id);
			byte[] token = new byte[28];
			System.arraycopy(id, 0, token, 0, 16);
			System.arraycopy(tag, 0, token, 16, 12);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What another tenant's reports could read of an email: tenant-scoped queries must find nothing. */
	record TrackedEmailEngagementProbe(JdbcClient jdbc) {

		long visibleEvents(TestTenant tenant, UUID emailId) {
			return new TrackingReportQueries(this.jdbc).counts(tenant.id(), emailId)[0]
					+ (new TrackingReportQueries(this.jdbc).tracked(tenant.id(), emailId) ? 1 : 0);
		}

	}

}
