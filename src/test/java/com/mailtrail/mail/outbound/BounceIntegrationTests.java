package com.mailtrail.mail.outbound;

import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.mail.outbound.OutgoingDraft.Recipient;
import com.mailtrail.support.HttpSession;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A delivery status report reaching Smart BCC marks the sent email it is about bounced, in its tenant only. */
@MailtrailIntegrationTest
class BounceIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	SmtpAccounts accounts;

	@Autowired
	OutgoingMail outgoing;

	@Autowired
	SmartBccAddresses bccAddresses;

	@Autowired
	MailDelivery delivery;

	@Autowired
	JdbcClient jdbc;

	GreenMail greenMail;

	@BeforeEach
	void start() {
		ServerSetup setup = new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort();
		setup.setServerStartupTimeout(30_000);
		this.greenMail = new GreenMail(setup);
		this.greenMail.start();
	}

	@AfterEach
	void stop() {
		this.greenMail.stop();
	}

	@Test
	void aDeliveryStatusReportMarksTheSentEmailBouncedWithTheServersDiagnostic() {
		TestTenant acme = this.tenants.create("Bounce Co");
		TestTenant other = this.tenants.create("Other Bounce Co");
		UUID sent = sendAndAwait(acme, "Quote for Pat");
		UUID elsewhere = sendAndAwait(other, "Other company's mail");
		String messageId = messageId(sent);
		String otherMessageId = messageId(elsewhere);

		String bcc = acme.as(() -> this.bccAddresses.addressOf(acme.rep().id()));
		this.delivery.send("", bcc, report(bcc, messageId, otherMessageId));
		this.delivery.awaitProcessed();

		assertThat(status(sent)).isEqualTo("BOUNCED");
		assertThat(detail(sent)).contains("550 5.1.1 The email account that you tried to reach does not exist");
		assertThat(status(elsewhere)).as("a report naming another company's Message-ID changes nothing there")
			.isEqualTo("SENT");

		HttpSession rep = new HttpSession(this.port).login(acme.rep().email(), TestTenants.PASSWORD);
		assertThat(rep.get("/emails/" + sent).body()).contains("Bounced: the recipient").contains("550 5.1.1");
	}

	private UUID sendAndAwait(TestTenant tenant, String subject) {
		tenant.as(() -> this.accounts.save(tenant.rep().id(), new SmtpAccountSettings("127.0.0.1",
				this.greenMail.getSmtp().getPort(), SmtpSecurity.NONE, null, null, "Rep", tenant.rep().email())));
		UUID id = tenant.as(() -> this.outgoing.submit(new OutgoingDraft(tenant.rep().id(),
				List.of(new Recipient("Pat", "nobody@globex.example")), List.of(), List.of(), subject, "<p>Hi</p>",
				false, List.of(), null, null, null, null)));
		OutboxSendingIntegrationTests.await(() -> "SENT".equals(status(id)), "sent " + subject);
		return id;
	}

	private static String report(String to, String messageId, String otherMessageId) {
		return "From: Mail Delivery Subsystem <mailer-daemon@mx.globex.example>\r\n" + "To: " + to + "\r\n"
				+ "Subject: Delivery Status Notification (Failure)\r\n"
				+ "Message-ID: <" + UUID.randomUUID() + "@mx.globex.example>\r\n" + "MIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/report; report-type=delivery-status; boundary=\"dsn\"\r\n\r\n"
				+ "--dsn\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
				+ "Your message wasn't delivered to nobody@globex.example.\r\n\r\n"
				+ "--dsn\r\nContent-Type: message/delivery-status\r\n\r\n"
				+ "Reporting-MTA: dns; mx.globex.example\r\nOriginal-Message-ID: <" + otherMessageId + ">\r\n\r\n"
				+ "Final-Recipient: rfc822; nobody@globex.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
				+ "Diagnostic-Code: smtp; 550 5.1.1 The email account that you tried to reach does not exist\r\n\r\n"
				+ "--dsn\r\nContent-Type: text/rfc822-headers\r\n\r\n"
				+ "From: Rep <rep@bounce.example>\r\nTo: Pat <nobody@globex.example>\r\nSubject: Quote for Pat\r\n"
				+ "Message-ID: <" + messageId + ">\r\nReferences: <" + otherMessageId + ">\r\n\r\n"
				+ "--dsn--\r\n";
	}

	private String messageId(UUID id) {
		return this.jdbc.sql("select message_id from email where id = :id").param("id", id).query(String.class).single();
	}

	private String status(UUID id) {
		return this.jdbc.sql("select delivery_status from email where id = :id").param("id", id).query(String.class).single();
	}

	private String detail(UUID id) {
		return this.jdbc.sql("select delivery_detail from email where id = :id").param("id", id).query(String.class).single();
	}

}
