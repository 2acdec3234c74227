package com.mailtrail.mail.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.mailtrail.crm.contact.ContactData;
import com.mailtrail.crm.contact.ContactService;
import com.mailtrail.crm.deal.DealData;
import com.mailtrail.crm.deal.DealService;
import com.mailtrail.crm.deal.DealStatus;
import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.mail.outbound.SmtpAccountSettings;
import com.mailtrail.mail.outbound.SmtpAccounts;
import com.mailtrail.mail.outbound.SmtpSecurity;
import com.mailtrail.signatures.Signatures;
import com.mailtrail.support.HttpSession;
import com.mailtrail.support.HttpSession.Upload;
import com.mailtrail.support.MailDelivery;
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

/** The compose form, reply, reply all and forward, through real HTTP, delivered to GreenMail. */
@MailtrailIntegrationTest
class ComposeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	SmtpAccounts accounts;

	@Autowired
	ContactService contacts;

	@Autowired
	DealService deals;

	@Autowired
	Signatures signatures;

	@Autowired
	SmartBccAddresses bccAddresses;

	@Autowired
	MailDelivery delivery;

	@Autowired
	JdbcClient jdbc;

	GreenMail greenMail;

	TestTenant acme;

	HttpSession rep;

	@BeforeEach
	void setUp() {
		ServerSetup setup = new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort();
		setup.setServerStartupTimeout(30_000);
		this.greenMail = new GreenMail(setup);
		this.greenMail.start();
		this.acme = this.tenants.create("Compose Co");
		this.rep = new HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD);
	}

	@AfterEach
	void tearDown() {
		this.greenMail.stop();
	}

	@Test
	void withoutAnAccountComposeSaysSoAndLinksToTheSettings() {
		String page = this.rep.get("/emails/compose").body();
		// Templates render for a record: a new email from the Email page has none, so no picker.
		assertThat(page).contains("You have no outgoing email account yet").contains("href=\"/settings/email\"")
			.doesNotContain("id=\"template-picker\"").contains("Track opens and clicks");
		var refused = this.rep.post("/emails/compose", Map.of("to", "pat@globex.example", "subject", "Hi", "body", "x"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("nothing can be sent");
		assertThat(emailCount()).isZero();
	}

	@Test
	void formErrorsSayWhatIsWrongAndStoreNothing() {
		account();
		this.rep.get("/emails/compose");
		var page = this.rep.post("/emails/compose", Map.of("to", "pat@globex.example\r\nBcc: victim@evil.example",
				"cc", "not-an-address", "subject", "Hello\r\nBcc: victim@evil.example", "body", "x"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("To cannot contain line breaks.")
			.contains("is not a valid email address")
			.contains("The subject cannot contain line breaks.");

		page = this.rep.post("/emails/compose", Map.of("to", "", "subject", "Nobody", "body", "x"));
		assertThat(page.body()).contains("Add at least one recipient.");

		page = this.rep.post("/emails/compose", Map.of("to", "\"Evil\r\nBcc: victim@evil.example\" <pat@globex.example>",
				"subject", "Name injection", "body", "x"));
		assertThat(page.body()).contains("To cannot contain line breaks.");

		this.rep.get("/emails/compose");
		page = this.rep.postMultipart("/emails/compose", Map.of("to", "pat@globex.example", "subject", "Big", "body",
				"x", "tracked", "true"), List.of(new Upload("attachments", "big.bin", "application/octet-stream",
						new byte[1_500_000])));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("The attachments add up to 1.4 MB; an email can carry at most 1.0 MB.");
		assertThat(emailCount()).isZero();
		assertThat(this.greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void composedFromADealWithAnAttachmentItIsSentStoredAndOnTheDealsTimeline() throws Exception {
		account();
		UUID pat = this.acme.as(() -> this.contacts.create(new ContactData("Pat", "Jones", "Globex", null,
				List.of("pat@globex.example"), this.acme.rep().id(), Set.of())));
		UUID deal = this.acme.as(() -> this.deals.create(new DealData("Globex renewal", new BigDecimal("1000"), "USD",
				DealStatus.OPEN, pat, Set.of(), LocalDate.now().plusDays(10), this.acme.rep().id(), Set.of())));

		String form = this.rep.get("/emails/compose?recordType=DEAL&recordId=" + deal).body();
		assertThat(form).contains("Will be linked to").contains("Globex renewal").contains("Pat Jones &lt;pat@globex.example&gt;");

		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("to", "Pat Jones <pat@globex.example>");
		fields.put("subject", "Renewal quote");
		fields.put("body", "<p>Hi Pat, the quote is attached.</p>");
		fields.put("tracked", "true");
		fields.put("recordType", "DEAL");
		fields.put("recordId", deal.toString());
		var sent = this.rep.postMultipart("/emails/compose", fields,
				List.of(new Upload("attachments", "quote.pdf", "application/pdf", "%PDF quote".getBytes(StandardCharsets.US_ASCII))));
		assertThat(sent.status()).isEqualTo(302);
		String emailPath = sent.location().replaceFirst("^https?://[^/]+", "");
		assertThat(emailPath).startsWith("/emails/");
		UUID emailId = UUID.fromString(emailPath.substring("/emails/".length()));

		awaitSent(emailId);
		MimeMessage received = this.greenMail.getReceivedMessages()[0];
		assertThat(received.getSubject()).isEqualTo("Renewal quote");
		assertThat(GreenMailUtil.getWholeMessage(received)).contains("quote.pdf").contains("Hi Pat, the quote is attached.");

		String view = this.rep.get(emailPath).body();
		assertThat(view).contains("Sent. The server answered: 250");
		assertThat(this.jdbc.sql("select tracked from email where id = :id").param("id", emailId).query(Boolean.class).single())
			.as("the tracking choice is stored").isTrue();
		assertThat(this.jdbc.sql("select record_type || ':' || record_id from email_link where email_id = :id")
			.param("id", emailId).query(String.class).list())
			.contains("DEAL:" + deal, "CONTACT:" + pat);
		assertThat(this.rep.get("/deals/" + deal).body()).contains("Renewal quote");
		assertThat(this.rep.get("/contacts/" + pat).body()).contains("Renewal quote");
		assertThat(this.rep.get("/emails").body()).contains("Renewal quote");
	}

	@Test
	void replyAndReplyAllAreThreadedQuotedAndLeaveTheUsersOwnAddressesOut() throws Exception {
		account();
		this.acme.as(() -> this.signatures.saveDisclaimer("<p>Compose Co confidential notice.</p>", this.acme.admin().id()));
		String bcc = this.acme.as(() -> this.bccAddresses.addressOf(this.acme.rep().id()));
		String messageId = UUID.randomUUID() + "@globex.example";
		this.delivery.send("pat@globex.example", bcc, MailDelivery.message("Pat Jones <pat@globex.example>",
				this.acme.rep().email() + ", Sam <sam@globex.example>", "Kim <kim@initech.example>", "Pricing question",
				messageId, "What does the premium plan cost?\r\n\r\nCompose Co confidential notice."));
		this.delivery.awaitProcessed();
		UUID original = this.jdbc.sql("select id from email where message_id = :m").param("m", messageId)
			.query(UUID.class).single();

		String reply = this.rep.get("/emails/" + original + "/reply").body();
		assertThat(reply).contains("value=\"Re: Pricing question\"").contains("Pat Jones &lt;pat@globex.example&gt;")
			.contains("What does the premium plan cost?").doesNotContain("sam@globex.example");
		String all = this.rep.get("/emails/" + original + "/reply-all").body();
		assertThat(all).contains("pat@globex.example").contains("sam@globex.example").contains("kim@initech.example");
		assertThat(fieldValue(all, "to") + fieldValue(all, "cc")).doesNotContain(this.acme.rep().email());

		this.rep.get("/emails/" + original + "/reply");
		var sent = this.rep.post("/emails/compose", Map.of("to", "pat@globex.example", "subject", "Re: Pricing question",
				"body", "<p>It is 99 a month.</p><blockquote><p>What does the premium plan cost?</p>"
						+ "<p>Compose Co confidential notice.</p></blockquote>",
				"replyTo", original.toString(), "tracked", "false"));
		assertThat(sent.status()).isEqualTo(302);
		UUID answer = UUID.fromString(sent.location().replaceFirst(".*/emails/", ""));
		awaitSent(answer);
		MimeMessage received = this.greenMail.getReceivedMessages()[0];
		assertThat(received.getHeader("In-Reply-To")[0]).isEqualTo("<" + messageId + ">");
		assertThat(received.getHeader("References")[0]).contains("<" + messageId + ">");
		String raw = GreenMailUtil.getWholeMessage(received);
		assertThat(raw.split("Compose Co confidential notice", -1).length - 1)
			.as("the quoted mail carries the disclaimer already: once per part, not twice").isEqualTo(2);
		assertThat(this.jdbc.sql("select count(distinct conversation_id) from email where id in (:a, :b)")
			.param("a", original).param("b", answer).query(Integer.class).single()).as("same conversation").isEqualTo(1);
	}

	@Test
	void forwardCarriesTheOriginalsAttachments() throws Exception {
		account();
		String bcc = this.acme.as(() -> this.bccAddresses.addressOf(this.acme.rep().id()));
		String messageId = UUID.randomUUID() + "@globex.example";
		String message = "From: Pat <pat@globex.example>\r\nTo: " + this.acme.rep().email() + "\r\nSubject: Spec\r\n"
				+ "Message-ID: <" + messageId + ">\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
				+ "--b\r\nContent-Type: text/plain; name=spec.txt\r\nContent-Disposition: attachment; filename=spec.txt\r\n\r\n"
				+ "the spec\r\n--b--\r\n";
		this.delivery.send("pat@globex.example", bcc, message);
		this.delivery.awaitProcessed();
		UUID original = this.jdbc.sql("select id from email where message_id = :m").param("m", messageId)
			.query(UUID.class).single();
		String form = this.rep.get("/emails/" + original + "/forward").body();
		assertThat(form).contains("value=\"Fwd: Spec\"").contains("The original's attachments go along").contains("spec.txt");
		var sent = this.rep.post("/emails/compose", Map.of("to", "boss@acme.example", "subject", "Fwd: Spec",
				"body", "<p>FYI</p>", "forwardOf", original.toString(), "tracked", "true"));
		UUID forward = UUID.fromString(sent.location().replaceFirst(".*/emails/", ""));
		awaitSent(forward);
		assertThat(GreenMailUtil.getWholeMessage(this.greenMail.getReceivedMessages()[0])).contains("spec.txt")
			.contains("the spec");
	}

	@Test
	void autocompleteSuggestsOnlyContactsTheUserMaySee() {
		this.acme.as(() -> this.contacts.create(new ContactData("Priya", "Autocomplete", "Globex", null,
				List.of("priya@globex.example"), this.acme.rep().id(), Set.of())));
		TestTenant other = this.tenants.create("Other Compose Co");
		other.as(() -> this.contacts.create(new ContactData("Priya", "Elsewhere", "Hidden", null,
				List.of("priya@hidden.example"), other.rep().id(), Set.of())));
		var json = this.rep.getJson("/emails/recipients?q=priya");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.body()).contains("Priya Autocomplete <priya@globex.example>").doesNotContain("hidden.example");
	}

	@Test
	void retryAndCancelAreTheOwnersOnly() {
		this.acme.as(() -> this.accounts.save(this.acme.rep().id(), new SmtpAccountSettings("127.0.0.1", 1,
				SmtpSecurity.NONE, null, null, "Rep", "rep@compose.example")));
		this.rep.get("/emails/compose");
		var sent = this.rep.post("/emails/compose", Map.of("to", "pat@globex.example", "subject", "Cancel me",
				"body", "x", "tracked", "true"));
		String path = sent.location().replaceFirst("^https?://[^/]+", "");
		UUID id = UUID.fromString(path.substring("/emails/".length()));
		HttpSession colleague = new HttpSession(this.port).login(this.acme.other().email(), TestTenants.PASSWORD);
		colleague.get("/emails");
		colleague.post(path + "/delivery/cancel", Map.of());
		assertThat(status(id)).isNotEqualTo("CANCELLED");
		// Cancelling is refused only while a sender holds the email (a moment, between retries): try until it holds.
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
		while (!"CANCELLED".equals(status(id))) {
			assertThat(java.time.Instant.now()).as("cancelled in time").isBefore(deadline);
			this.rep.get(path);
			var cancelled = this.rep.post(path + "/delivery/cancel", Map.of());
			assertThat(cancelled.status()).isEqualTo(302);
		}
		assertThat(this.rep.get(path).body()).contains("Cancelled: this email was not sent.").contains("Retry");
	}

	@Test
	void failedSendsAreNoticedOnTheEmailPageWithTheServersWords() {
		this.acme.as(() -> this.accounts.save(this.acme.rep().id(), new SmtpAccountSettings("127.0.0.1", 1,
				SmtpSecurity.NONE, null, null, "Rep", "rep@compose.example")));
		this.rep.get("/emails/compose");
		var sent = this.rep.post("/emails/compose", Map.of("to", "pat@globex.example", "subject", "Nobody listens",
				"body", "x", "tracked", "true"));
		UUID id = UUID.fromString(sent.location().replaceFirst(".*/emails/", ""));
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
		while (!"FAILED".equals(status(id))) {
			assertThat(java.time.Instant.now()).as("given up in time").isBefore(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		String list = this.rep.get("/emails").body();
		assertThat(list).contains("1 email could not be sent.").contains("Nobody listens").contains("Gave up after");
		String view = this.rep.get("/emails/" + id).body();
		assertThat(view).contains("Not sent. The server said: Gave up after").contains("Retry").contains("Cancel sending");
		HttpSession colleague = new HttpSession(this.port).login(this.acme.other().email(), TestTenants.PASSWORD);
		assertThat(colleague.get("/emails").body()).doesNotContain("could not be sent");
	}

	private void account() {
		this.acme.as(() -> this.accounts.save(this.acme.rep().id(), new SmtpAccountSettings("127.0.0.1",
				this.greenMail.getSmtp().getPort(), SmtpSecurity.NONE, null, null, "Rep", "rep@compose.example")));
	}

	private int emailCount() {
		return this.jdbc.sql("select count(*) from email where owner_id = :o").param("o", this.acme.rep().id())
			.query(Integer.class).single();
	}

	private String status(UUID id) {
		return this.jdbc.sql("select delivery_status from email where id = :id").param("id", id).query(String.class).single();
	}

	private void awaitSent(UUID id) {
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
		while (!"SENT".equals(status(id))) {
			assertThat(java.time.Instant.now()).as("email %s sent in time (status %s)", id, status(id)).isBefore(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static String fieldValue(String page, String id) {
		var m = java.util.regex.Pattern.compile("id=\"" + id + "\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*id=\"" + id + "\"")
			.matcher(page);
		return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : "";
	}

}
