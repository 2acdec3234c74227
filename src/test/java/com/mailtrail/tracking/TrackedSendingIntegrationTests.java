package com.mailtrail.tracking;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.mailtrail.mail.outbound.OutgoingDraft;
import com.mailtrail.mail.outbound.OutgoingDraft.Recipient;
import com.mailtrail.mail.outbound.OutgoingMail;
import com.mailtrail.mail.outbound.SmtpAccountSettings;
import com.mailtrail.mail.outbound.SmtpAccounts;
import com.mailtrail.mail.outbound.SmtpSecurity;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Tracking through the real outbox sender: what reaches the recipient, and what the stored email keeps. */
@MailtrailIntegrationTest
class TrackedSendingIntegrationTests {

	private static final Pattern CLICK = Pattern.compile("href=\"[^\"]*(/t/c/[A-Za-z0-9_-]+)\"");

	private static final Pattern PIXEL = Pattern.compile("src=\"[^\"]*(/t/o/[A-Za-z0-9_-]+)\"");

	@Autowired
	TestTenants tenants;

	@Autowired
	SmtpAccounts accounts;

	@Autowired
	OutgoingMail outgoing;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	GreenMail greenMail;

	TestTenant acme;

	@BeforeEach
	void setUp() {
		ServerSetup smtp = new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort();
		smtp.setServerStartupTimeout(30_000);
		this.greenMail = new GreenMail(smtp);
		this.greenMail.start();
		this.acme = this.tenants.create("Tracked Co");
		this.acme.as(() -> this.accounts.save(this.acme.rep().id(), new SmtpAccountSettings("127.0.0.1",
				this.greenMail.getSmtp().getPort(), SmtpSecurity.NONE, null, null, "Rep", "rep@tracked.example")));
	}

	@AfterEach
	void tearDown() {
		this.greenMail.stop();
	}

	@Test
	void aTrackedEmailArrivesWithAPixelAndRewrittenLinksWhileTheStoredEmailKeepsTheOriginal() throws Exception {
		String target = "https://shop.example/offer?a=1&b=%C3%BC#terms";
		UUID id = send(true, "<p>See <a href=\"" + target.replace("&", "&amp;") + "\">the offer</a>"
				+ " or <a href=\"mailto:sales@tracked.example\">write</a>.</p>");

		String html = receivedHtml(1);
		Matcher click = CLICK.matcher(html);
		assertThat(click.find()).as("rewritten link in %s", html).isTrue();
		assertThat(PIXEL.matcher(html).find()).as("pixel in %s", html).isTrue();
		assertThat(html).contains("mailto:sales@tracked.example").doesNotContain("shop.example");

		HttpResponse<Void> redirect = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + click.group(1)))
				.header("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36")
				.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Location")).contains(target);

		String stored = this.jdbc.sql("select html_body from email where id = :id").param("id", id)
			.query(String.class).single();
		assertThat(stored).as("the stored email is as written: viewing it fires nothing")
			.contains("shop.example").doesNotContain("/t/c/").doesNotContain("/t/o/");
	}

	@Test
	void markedLinksPhoneLinksAndInPageAnchorsGoOutAsWrittenThroughCompose() throws Exception {
		send(true, "<p><a href=\"#pricing\">Pricing</a> below. Call <a href=\"tel:+15550100\">us</a>,"
				+ " see <a href=\"https://shop.example/offer\">the offer</a> or"
				+ " <a href=\"https://shop.example/unsubscribe\" data-mailtrail-notrack>unsubscribe</a>.</p>");

		String html = receivedHtml(1);
		assertThat(html).contains("href=\"#pricing\"", "href=\"tel:+15550100\"",
				"href=\"https://shop.example/unsubscribe\"")
			.doesNotContain("https://shop.example/offer")
			.doesNotContain("data-mailtrail-notrack");
		Matcher click = CLICK.matcher(html);
		assertThat(click.find()).as("the unmarked web link is tracked in %s", html).isTrue();
		assertThat(click.find()).as("only that one").isFalse();
	}

	@Test
	void anUntrackedEmailIsSentAsWritten() throws Exception {
		send(false, "<p>See <a href=\"https://shop.example/offer\">the offer</a>.</p>");

		String html = receivedHtml(1);
		assertThat(html).contains("https://shop.example/offer").doesNotContain("/t/c/").doesNotContain("/t/o/");
	}

	private UUID send(boolean tracked, String html) {
		return this.acme.as(() -> this.outgoing.submit(new OutgoingDraft(this.acme.rep().id(),
				List.of(new Recipient("Pat Jones", "pat@globex.example")), List.of(), List.of(), "Our offer", html,
				tracked, List.of(), null, null, null, null)));
	}

	private String receivedHtml(int count) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (this.greenMail.getReceivedMessages().length < count) {
			assertThat(Instant.now()).as("waiting for the message to be sent").isBefore(deadline);
			Thread.sleep(50);
		}
		MimeMessage message = this.greenMail.getReceivedMessages()[count - 1];
		String raw = GreenMailUtil.getWholeMessage(message);
		// The HTML part, decoded from quoted-printable if the sender chose it.
		var decoded = jakarta.mail.internet.MimeUtility.decode(
				new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "quoted-printable");
		return new String(decoded.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
	}

}
