package com.mailtrail.mail.inbound;

import java.net.Socket;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The listener's SMTP semantics, over a real socket. */
class SmartBccSmtpServerTests {

	private static final String MESSAGE = """
			From: Alice <alice@acme.example>
			To: Bob <bob@customer.example>
			Subject: Our offer
			Message-ID: <offer-1@acme.example>

			Hello Bob, here is the offer.
			""";

	private final TestRecipientRouter router = new TestRecipientRouter();

	private final RecordingMessageStore store = new RecordingMessageStore();

	private SmartBccSmtpServer server;

	private SmartBccSmtpServer start(TestSettings settings) {
		this.server = new SmartBccSmtpServer(settings.build(), this.router, this.store);
		this.server.start();
		return this.server;
	}

	private int startDefault() {
		return start(TestSettings.defaults()).port();
	}

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.stop();
		}
	}

	@Test
	void acceptsMessageForKnownAddressAndStoresItBeforeAnswering250() throws Exception {
		RecipientRoute route = this.router.add("bcc-alice@in.mailtrail.test");
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(startDefault())) {
			SmtpTestClient.Reply reply = client.sendMessage("alice@acme.example", List.of("bcc-alice@in.mailtrail.test"),
					MESSAGE);

			assertThat(reply.last()).startsWith("250 2.0.0");
		}
		RecordingMessageStore.StoredMessage stored = this.store.single();
		assertThat(stored.envelope().recipients()).containsExactly(route);
		assertThat(stored.envelope().mailFrom()).isEqualTo("alice@acme.example");
		assertThat(stored.envelope().heloName()).isEqualTo("client.example");
		assertThat(stored.envelope().remoteAddress()).isEqualTo("127.0.0.1");
		assertThat(stored.envelope().sessionId()).isNotBlank();
		assertThat(stored.text()).startsWith("Received: from client.example ([127.0.0.1])\r\n\tby mx.test with ESMTP id ")
			.contains("Subject: Our offer\r\n")
			.endsWith("Hello Bob, here is the offer.\r\n")
			.doesNotContain("bcc-alice");
	}

	@Test
	void advertisesSizeAnd8BitMimeButNotStartTlsWithoutKeyStore() throws Exception {
		try (SmtpTestClient client = SmtpTestClient.connect(startDefault())) {
			client.expect("220 mx.test ESMTP");
			SmtpTestClient.Reply ehlo = client.command("EHLO client.example");

			assertThat(ehlo.lines()).contains("250-8BITMIME", "250-SIZE " + DataSize.ofMegabytes(25).toBytes())
				.noneMatch((line) -> line.contains("STARTTLS"));
		}
	}

	@Test
	void rejectsUnknownRecipientWith550() throws Exception {
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(startDefault())) {
			client.command("MAIL FROM:<alice@acme.example>").expectCode("250");

			SmtpTestClient.Reply reply = client.command("RCPT TO:<nobody@in.mailtrail.test>");

			assertThat(reply.last()).startsWith("550 5.1.1 ").contains("not an active Smart BCC address");
			assertThat(client.command("DATA").last()).startsWith("503");
		}
		assertThat(this.store.calls).hasValue(0);
	}

	@Test
	void storesOnceForAllKnownAddressesOfOneTransaction() throws Exception {
		RecipientRoute alice = this.router.add("bcc-alice@in.mailtrail.test");
		RecipientRoute carol = this.router.add("bcc-carol@in.mailtrail.test");
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(startDefault())) {
			client.command("MAIL FROM:<alice@acme.example>").expectCode("250");
			client.command("RCPT TO:<bcc-alice@in.mailtrail.test>").expectCode("250");
			client.command("RCPT TO:<nobody@in.mailtrail.test>").expectCode("550");
			client.command("RCPT TO:<bcc-carol@in.mailtrail.test>").expectCode("250");
			client.command("DATA").expectCode("354");
			client.sendRaw(MESSAGE.replace("\n", "\r\n")).send(".");

			assertThat(client.reply().last()).startsWith("250");
		}
		assertThat(this.store.calls).hasValue(1);
		assertThat(this.store.single().envelope().recipients()).containsExactly(alice, carol);
	}

	@Test
	void countsTheSameAddressTwiceOnce() throws Exception {
		RecipientRoute alice = this.router.add("bcc-alice@in.mailtrail.test");
		this.router.add("bcc-carol@in.mailtrail.test");
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(start(TestSettings.defaults().maxRecipients(2)).port())) {
			client.command("MAIL FROM:<alice@acme.example>").expectCode("250");
			client.command("RCPT TO:<bcc-alice@in.mailtrail.test>").expectCode("250");
			client.command("RCPT TO:<BCC-Alice@in.mailtrail.test>").expectCode("250");
			client.command("RCPT TO:<bcc-alice@in.mailtrail.test>").expectCode("250");

			assertThat(client.command("RCPT TO:<bcc-carol@in.mailtrail.test>").last()).startsWith("250");
			client.command("DATA").expectCode("354");
			client.sendRaw(MESSAGE.replace("\n", "\r\n")).send(".").expect("250");
		}
		assertThat(this.store.single().envelope().recipients()).hasSize(2).startsWith(alice);
		assertThat(this.router.lookups).hasValue(2);
	}

	@Test
	void rejectsRecipientsOverTheLimitWith452() throws Exception {
		for (int i = 1; i <= 3; i++) {
			this.router.add("bcc-" + i + "@in.mailtrail.test");
		}
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(start(TestSettings.defaults().maxRecipients(2)).port())) {
			client.command("MAIL FROM:<alice@acme.example>").expectCode("250");
			client.command("RCPT TO:<bcc-1@in.mailtrail.test>").expectCode("250");
			client.command("RCPT TO:<bcc-2@in.mailtrail.test>").expectCode("250");

			assertThat(client.command("RCPT TO:<bcc-3@in.mailtrail.test>").last()).startsWith("452 4.5.3 ");
			client.command("DATA").expectCode("354");
			client.sendRaw(MESSAGE.replace("\n", "\r\n")).send(".").expect("250");
		}
		assertThat(this.store.single().envelope().recipients()).hasSize(2);
	}

	@Test
	void rejectsEnvelopeSenderThatIsNotTheOwnerOfAStrictAddressWith550() throws Exception {
		this.router.addStrict("bcc-alice@in.mailtrail.test", "alice@acme.example", "alice.private@home.example");
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(startDefault())) {
			client.command("MAIL FROM:<mallory@evil.example>").expectCode("250");

			SmtpTestClient.Reply reply = client.command("RCPT TO:<bcc-alice@in.mailtrail.test>");

			assertThat(reply.last()).startsWith("550 5.7.1 ")
				.contains("only accepts mail sent from its owner's own addresses")
				.contains("<mallory@evil.example> is not one of them")
				.doesNotContain("alice@acme.example")
				.doesNotContain("home.example");
		}
		assertThat(this.store.calls).hasValue(0);
	}

	@Test
	void acceptsOwnersSecondaryAddressForStrictAddressWhateverTheCase() throws Exception {
		this.router.addStrict("bcc-alice@in.mailtrail.test", "alice@acme.example", "Alice.Private@Home.example");
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(startDefault())) {
			SmtpTestClient.Reply reply = client.sendMessage("ALICE.private@home.example",
					List.of("bcc-alice@in.mailtrail.test"), MESSAGE.replace("alice@acme.example", "alice.private@home.example"));

			assertThat(reply.last()).startsWith("250");
		}
	}

	@Test
	void rejectsFromHeaderThatIsNotTheOwnerOfAStrictAddressWith550() throws Exception {
		this.router.addStrict("bcc-alice@in.mailtrail.test", "alice@acme.example");
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(startDefault())) {
			SmtpTestClient.Reply reply = client.sendMessage("alice@acme.example", List.of("bcc-alice@in.mailtrail.test"),
					MESSAGE.replace("From: Alice <alice@acme.example>", "From: Mallory <mallory@evil.example>"));

			assertThat(reply.last()).startsWith("550 5.7.1 ").contains("<mallory@evil.example> is not one of them");
		}
		assertThat(this.store.calls).hasValue(0);
	}

	@Test
	void rejectsUnreadableFromHeaderForStrictAddressButNotForOthers() throws Exception {
		this.router.addStrict("bcc-alice@in.mailtrail.test", "alice@acme.example");
		this.router.add("bcc-carol@in.mailtrail.test");
		String unreadable = MESSAGE.replace("From: Alice <alice@acme.example>", "From: Alice <<alice@acme.example");
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(startDefault())) {
			assertThat(client.sendMessage("", List.of("bcc-alice@in.mailtrail.test"), unreadable).last())
				.startsWith("550 5.7.1 ");
			assertThat(client.sendMessage("", List.of("bcc-carol@in.mailtrail.test"), unreadable).last())
				.startsWith("250");
		}
		assertThat(this.store.single().envelope().mailFrom()).isNull();
	}

	@Test
	void rejectsMessageOverTheSizeLimitWith552AndStaysInStep() throws Exception {
		this.router.add("bcc-alice@in.mailtrail.test");
		int port = start(TestSettings.defaults().maxMessageSize(DataSize.ofKilobytes(4))).port();
		String big = MESSAGE + ("A line of filler that makes the message too big.\r\n".repeat(100))
				+ "RSET\r\nMAIL FROM:<smuggled@evil.example>\r\n";
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(port)) {
			SmtpTestClient.Reply reply = client.sendMessage("alice@acme.example", List.of("bcc-alice@in.mailtrail.test"),
					big);

			assertThat(reply.last()).startsWith("552 5.3.4 ");
			// The rest of the message was read as data, not as commands: the next reply is NOOP's.
			assertThat(client.command("NOOP").last()).startsWith("250");
			assertThat(client.sendMessage("alice@acme.example", List.of("bcc-alice@in.mailtrail.test"), MESSAGE).last())
				.startsWith("250");
		}
		assertThat(this.store.calls).hasValue(1);
	}

	@Test
	void rejectsDeclaredSizeOverTheLimitAtMailFrom() throws Exception {
		int port = start(TestSettings.defaults().maxMessageSize(DataSize.ofKilobytes(4))).port();
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(port)) {
			assertThat(client.command("MAIL FROM:<alice@acme.example> SIZE=5000").last()).startsWith("552 5.3.4");
			assertThat(client.command("MAIL FROM:<alice@acme.example> SIZE=4000").last()).startsWith("250");
		}
	}

	@Test
	void answers451WhenStorageFailsAndAcceptsTheRetry() throws Exception {
		this.router.add("bcc-alice@in.mailtrail.test");
		this.store.failNextStores(1);
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(startDefault())) {
			List<String> to = List.of("bcc-alice@in.mailtrail.test");

			assertThat(client.sendMessage("alice@acme.example", to, MESSAGE).last())
				.isEqualTo("451 4.3.0 Temporary storage failure, please retry");
			assertThat(client.sendMessage("alice@acme.example", to, MESSAGE).last()).startsWith("250");
		}
		assertThat(this.store.calls).hasValue(2);
		assertThat(this.store.stored()).hasSize(1);
	}

	@Test
	void answers451AtRcptWhenTheRouterFailsAndAcceptsTheRetry() throws Exception {
		this.router.add("bcc-alice@in.mailtrail.test");
		this.router.failNextLookups(1);
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(startDefault())) {
			client.command("MAIL FROM:<alice@acme.example>").expectCode("250");

			assertThat(client.command("RCPT TO:<bcc-alice@in.mailtrail.test>").last()).startsWith("451 4.3.0 ");
			assertThat(client.command("RCPT TO:<bcc-alice@in.mailtrail.test>").last()).startsWith("250");
		}
	}

	@Test
	void answers250OnlyAfterTheStoreReturned() throws Exception {
		this.router.add("bcc-alice@in.mailtrail.test");
		this.store.blockStores();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(startDefault())) {
			Future<SmtpTestClient.Reply> reply = executor.submit(() -> client.sendMessage("alice@acme.example",
					List.of("bcc-alice@in.mailtrail.test"), MESSAGE));
			assertThat(this.store.awaitBlockedStore()).isTrue();

			Thread.sleep(300);
			assertThat(reply).isNotDone();

			this.store.releaseBlockedStores();
			assertThat(reply.get(10, TimeUnit.SECONDS).last()).startsWith("250");
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void acceptsMessageFromJakartaMailTransport() throws Exception {
		this.router.add("bcc-alice@in.mailtrail.test");
		int port = startDefault();
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(port));
		Session session = Session.getInstance(properties);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("alice@acme.example", "Alice"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@customer.example"));
		InternetAddress smartBcc = new InternetAddress("bcc-alice@in.mailtrail.test");
		message.setRecipient(Message.RecipientType.BCC, smartBcc);
		message.setSubject("Grüße, our offer", "UTF-8");
		message.setText("Hello Bob,\n.\nA line with only a dot above, and ünïcode.\n", "UTF-8");

		// Only the BCC copy comes to us; the customer's copy goes to the customer's server.
		Transport.send(message, new InternetAddress[] { smartBcc });

		RecordingMessageStore.StoredMessage stored = this.store.single();
		assertThat(stored.envelope().mailFrom()).isEqualTo("alice@acme.example");
		MimeMessage received = new MimeMessage(session, new java.io.ByteArrayInputStream(stored.raw()));
		assertThat(received.getSubject()).isEqualTo("Grüße, our offer");
		assertThat((String) received.getContent()).contains("Hello Bob,\r\n.\r\nA line with only a dot above");
		assertThat(received.getHeader("Bcc")).isNull();
	}

	@Test
	void acceptsChunkedMessageSentWithBdat() throws Exception {
		this.router.add("bcc-alice@in.mailtrail.test");
		String first = "From: alice@acme.example\r\nSubject: Chunked\r\n\r\n";
		String last = "A body in a second chunk.\r\n.\r\n";
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(startDefault())) {
			client.command("MAIL FROM:<alice@acme.example>").expectCode("250");
			client.command("RCPT TO:<bcc-alice@in.mailtrail.test>").expectCode("250");
			client.sendRaw("BDAT " + first.length() + "\r\n" + first).expect("250");
			client.sendRaw("BDAT " + last.length() + " LAST\r\n" + last);

			assertThat(client.reply().last()).startsWith("250 2.0.0");
		}
		// With BDAT the data is counted, not dot-terminated: the dot line is plain content.
		assertThat(this.store.single().text()).endsWith("\r\n\r\nA body in a second chunk.\r\n.\r\n");
	}

	@Test
	void refusesChunkedMessageOverTheSizeLimitWith552() throws Exception {
		this.router.add("bcc-alice@in.mailtrail.test");
		int port = start(TestSettings.defaults().maxMessageSize(DataSize.ofKilobytes(4))).port();
		String body = "From: alice@acme.example\r\n\r\n" + "x".repeat(5000);
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(port)) {
			client.command("MAIL FROM:<alice@acme.example>").expectCode("250");
			client.command("RCPT TO:<bcc-alice@in.mailtrail.test>").expectCode("250");

			assertThat(client.sendRaw("BDAT " + body.length() + " LAST\r\n" + body).reply().last())
				.startsWith("552 5.3.4");
			assertThat(client.command("MAIL FROM:<alice@acme.example>").last()).startsWith("250");
		}
		assertThat(this.store.calls).hasValue(0);
	}

	@Test
	void portIsUnknownUntilStartedAndEachStartBuildsAFreshListener() throws Exception {
		this.server = new SmartBccSmtpServer(TestSettings.defaults().build(), this.router, this.store);
		assertThatIllegalStateException().isThrownBy(this.server::port);

		this.server.start();
		int firstPort = this.server.port();
		this.server.start();
		assertThat(this.server.port()).isEqualTo(firstPort);
		this.server.stop();
		assertThat(this.server.isRunning()).isFalse();

		this.server.start();
		try (Socket socket = new Socket("127.0.0.1", this.server.port());
				SmtpTestClient client = SmtpTestClient.connect(this.server.port())) {
			assertThat(client.reply().last()).startsWith("220");
		}
	}

	@Test
	void servesConcurrentSessions() throws Exception {
		this.router.add("bcc-alice@in.mailtrail.test");
		int port = startDefault();
		List<CompletableFuture<String>> replies = java.util.stream.IntStream.range(0, 8)
			.mapToObj((i) -> CompletableFuture.supplyAsync(() -> {
				try (SmtpTestClient client = SmtpTestClient.connectAndGreet(port)) {
					return client.sendMessage("alice@acme.example", List.of("bcc-alice@in.mailtrail.test"), MESSAGE)
						.last();
				}
				catch (Exception ex) {
					return ex.toString();
				}
			}))
			.toList();

		assertThat(replies).allSatisfy((reply) -> assertThat(reply.get(10, TimeUnit.SECONDS)).startsWith("250"));
		assertThat(this.store.stored()).hasSize(8);
		assertThat(this.store.stored()).extracting((message) -> message.envelope().sessionId())
			.doesNotHaveDuplicates();
	}

}
