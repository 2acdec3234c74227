package com.mailtrail.demo;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.mailtrail.support.HttpSession;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Out of the box: a demo user sends with no setup and reads the delivered message in the mail catcher. */
@MailtrailIntegrationTest
class MailCatcherIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MailCatcher catcher;

	@Autowired
	TestTenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDemoUserSendsThroughTheCatcherAndReadsTheMessage() {
		assertThat(this.catcher.running()).isTrue();
		HttpSession alice = new HttpSession(this.port).login("alice@acme.test", "mailtrail");
		String compose = alice.get("/emails/compose").body();
		assertThat(compose).doesNotContain("You have no outgoing email account yet").contains("Mail catcher (demo)");

		String subject = "Catcher check " + UUID.randomUUID().toString().substring(0, 8);
		var sent = alice.post("/emails/compose", Map.of("to", "Pat Jones <pat.jones@globex.example>", "subject", subject,
				"body", "<p>Hello <b>Pat</b></p>", "tracked", "true"));
		assertThat(sent.status()).isEqualTo(302);
		UUID id = UUID.fromString(sent.location().replaceFirst(".*/emails/", ""));
		Instant deadline = Instant.now().plusSeconds(60);
		while (!"SENT".equals(status(id))) {
			assertThat(Instant.now()).as("sent through the catcher, status %s", status(id)).isBefore(deadline);
			sleep();
		}

		String list = alice.get("/demo/mail-catcher").body();
		assertThat(list).contains(subject).contains("pat.jones@globex.example");
		CaughtMessage caught = this.catcher.messages().stream().filter(m -> m.subject().equals(subject)).findFirst()
			.orElseThrow();
		String view = alice.get("/demo/mail-catcher/" + caught.number()).body();
		assertThat(view).contains(subject).contains("Hello Pat").contains("Sent from Mailtrail").contains("Raw message");
		var html = alice.get("/demo/mail-catcher/" + caught.number() + "/html");
		assertThat(html.header("Content-Security-Policy")).contains("default-src 'none'");
		assertThat(html.body()).contains("<b>Pat</b>");

		var stranger = this.tenants.create("Catcher Stranger");
		HttpSession other = new HttpSession(this.port).login(stranger.rep().email(), TestTenants.PASSWORD);
		assertThat(other.get("/demo/mail-catcher").body()).as("another company sees only its own mail")
			.doesNotContain(subject);
		assertThat(other.get("/demo/mail-catcher/" + caught.number()).status()).isEqualTo(404);
	}

	@Test
	void theCatcherOpensExactlyItsOwnAddressNotThePrivateNetwork() {
		assertThat(this.catcher.allows("127.0.0.1", this.catcher.port())).isTrue();
		assertThat(this.catcher.allows("127.0.0.1", this.catcher.port() + 1)).isFalse();
		assertThat(this.catcher.allows("10.0.0.1", this.catcher.port())).isFalse();
	}

	private String status(UUID id) {
		return this.jdbc.sql("select delivery_status from email where id = :id").param("id", id).query(String.class).single();
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
