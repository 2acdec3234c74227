package com.mailtrail.mail.inbound;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What attackers and broken clients send, written byte for byte over a socket. */
class SmtpProtocolAbuseTests {

	private static final String BCC = "bcc-alice@in.mailtrail.test";

	private static final String HEADERS = "From: Alice <alice@acme.example>\r\nTo: bob@customer.example\r\n"
			+ "Subject: Offer\r\n\r\n";

	private final TestRecipientRouter router = new TestRecipientRouter();

	private final RecordingMessageStore store = new RecordingMessageStore();

	private SmartBccSmtpServer server;

	private int start(TestSettings settings) {
		this.router.add(BCC);
		this.server = new SmartBccSmtpServer(settings.build(), this.router, this.store);
		this.server.start();
		return this.server.port();
	}

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.stop();
		}
	}

	private static void startData(SmtpTestClient client) throws Exception {
		client.command("MAIL FROM:<alice@acme.example>").expectCode("250");
		client.command("RCPT TO:<" + BCC + ">").expectCode("250");
		client.command("DATA").expectCode("354");
	}

	/** The commands an attacker hides after a fake end of data; the relay adds the real end. */
	private static final String SMUGGLED = "MAIL FROM:<ceo@acme.example>\r\nRCPT TO:<" + BCC + ">\r\nDATA\r\n"
			+ "From: CEO <ceo@acme.example>\r\n\r\nPay the invoice.\r\n.\r\n";

	@ParameterizedTest(name = "fake end of data written as {0}")
	@ValueSource(strings = { "\\n.\\n", "\\r.\\r", "\\n.\\r\\n", "\\r.\\r\\n" })
	void refusesSmugglingThatLeavesADotLineWithBareLineEndings(String fakeEnd) throws Exception {
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(start(TestSettings.defaults()))) {
			startData(client);

			client.sendRaw(HEADERS + "Hello" + unescape(fakeEnd) + SMUGGLED);

			assertThat(client.reply().last()).startsWith("550 5.5.2 ").contains("smuggle");
			// Nothing after the fake end ran as a command: the next reply is QUIT's.
			assertThat(client.command("QUIT").last()).startsWith("221");
		}
		assertThat(this.store.calls).hasValue(0);
	}

	@ParameterizedTest(name = "fake end of data written as {0}")
	@ValueSource(strings = { "\\r\\n.\\n", "\\r\\n.\\r" })
	void keepsSmugglingAttemptAfterCrLfDotAsOneMessageOfTheRealSender(String fakeEnd) throws Exception {
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(start(TestSettings.defaults()))) {
			startData(client);

			client.sendRaw(HEADERS + "Hello" + unescape(fakeEnd) + SMUGGLED);

			// SubEthaSMTP un-stuffs the dot after CRLF, so no dot line is left to mislead anyone.
			assertThat(client.reply().last()).startsWith("250");
			assertThat(client.command("QUIT").last()).startsWith("221");
		}
		RecordingMessageStore.StoredMessage stored = this.store.single();
		assertThat(stored.envelope().mailFrom()).isEqualTo("alice@acme.example");
		assertThat(stored.text()).contains("Hello\r\n" + unescape(fakeEnd).substring(3) + "MAIL FROM:<ceo@acme.example>")
			.endsWith("Pay the invoice.\r\n");
	}

	private static String unescape(String escaped) {
		return escaped.replace("\\r", "\r").replace("\\n", "\n");
	}

	@Test
	void keepsDotStuffedLinesAndBareLineFeedsThatSmuggleNothing() throws Exception {
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(start(TestSettings.defaults()))) {
			startData(client);

			client.sendRaw(HEADERS + "..\r\n..leading dot\r\nunix\nline ends\n\r\n.\r\n");

			assertThat(client.reply().last()).startsWith("250");
		}
		assertThat(this.store.single().text()).endsWith("\r\n\r\n.\r\n.leading dot\r\nunix\nline ends\n\r\n");
	}

	@Test
	void refusesBareLineFeedInsideACommandAndHangsUp() throws Exception {
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(start(TestSettings.defaults()))) {
			client.sendRaw("NOOP\nMAIL FROM:<mallory@evil.example>\r\n");

			assertThat(client.reply().last()).startsWith("501");
			assertThat(client.isClosedByServer()).isTrue();
		}
	}

	@Test
	void refusesOverlongCommandLineAndKeepsServing() throws Exception {
		int port = start(TestSettings.defaults());
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(port)) {
			client.send("MAIL FROM:<" + "a".repeat(5000) + "@evil.example>");

			assertThat(client.reply().last()).startsWith("501").containsIgnoringCase("too long");
			assertThat(client.isClosedByServer()).isTrue();
		}
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(port)) {
			assertThat(client.sendMessage("alice@acme.example", List.of(BCC), HEADERS + "Hi").last()).startsWith("250");
		}
	}

	@Test
	void acceptsAHeaderLineFarOver998CharactersBecauseRealMailersWriteThem() throws Exception {
		// RFC 5322 caps lines at 998 characters, but real mail (a To header of thousands of addresses) breaks it;
		// refusing would lose the message. Only the header section as a whole is limited.
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(start(TestSettings.defaults()))) {
			startData(client);

			client.sendRaw("X-Long: " + "a".repeat(140_000) + "\r\n" + HEADERS + "Hi\r\n.\r\n");

			assertThat(client.reply().last()).startsWith("250");
		}
		assertThat(this.store.calls).hasValue(1);
	}

	@Test
	void refusesHeaderSectionWithoutEndWith552() throws Exception {
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(start(TestSettings.defaults()))) {
			startData(client);

			client.sendRaw("X-Filler: header line\r\n".repeat(20_000) + ".\r\n");

			assertThat(client.reply().last()).startsWith("552 5.3.4 ");
		}
		assertThat(this.store.calls).hasValue(0);
	}

	@Test
	void closesIdleConnectionWith421AfterTheTimeout() throws Exception {
		int port = start(TestSettings.defaults().connectionTimeout(Duration.ofMillis(500)));
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(port)) {
			long started = System.nanoTime();

			assertThat(client.reply().last()).startsWith("421");
			assertThat(client.isClosedByServer()).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		}
	}

	@Test
	void closesConnectionThatTricklesDataPastTheDataTimeout() throws Exception {
		int port = start(TestSettings.defaults()
			.connectionTimeout(Duration.ofSeconds(5))
			.dataTimeout(Duration.ofMillis(800)));
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(port)) {
			startData(client);
			client.sendRaw(HEADERS);

			// Trickle until the server answers. It may close while a byte is on its way: a write then fails with a
			// broken pipe, and the reply it sent before closing is still there to read.
			for (int i = 0; i < 50 && client.socket().getInputStream().available() == 0 && trickle(client); i++) {
				Thread.sleep(100);
			}
			String reply = client.reply().last();

			assertThat(reply).startsWith("421 4.4.2 ");
			assertThat(client.isClosedByServer()).isTrue();
		}
		assertThat(this.store.calls).hasValue(0);
	}

	private static boolean trickle(SmtpTestClient client) {
		try {
			client.sendRaw("x");
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Test
	void refusesConnectionsOverTheLimitWith421() throws Exception {
		int port = start(TestSettings.defaults().maxConnections(2));
		List<SmtpTestClient> admitted = new ArrayList<>();
		try {
			admitted.add(SmtpTestClient.connectAndGreet(port));
			admitted.add(SmtpTestClient.connectAndGreet(port));
			try (SmtpTestClient refused = SmtpTestClient.connect(port)) {
				assertThat(refused.reply().last()).startsWith("421 4.7.0 ").containsIgnoringCase("too many connections");
				assertThat(refused.isClosedByServer()).isTrue();
			}

			admitted.remove(0).command("QUIT").expectCode("221");

			assertThat(greetingAfterASlotFreesUp(port)).startsWith("220");
		}
		finally {
			for (SmtpTestClient client : admitted) {
				client.close();
			}
		}
	}

	private static String greetingAfterASlotFreesUp(int port) throws Exception {
		// The session that quit gives its place back a moment after the 221.
		String greeting = "";
		for (int attempt = 0; attempt < 50 && !greeting.startsWith("220"); attempt++) {
			try (SmtpTestClient client = SmtpTestClient.connect(port)) {
				greeting = client.reply().last();
			}
			Thread.sleep(50);
		}
		return greeting;
	}

	@Test
	void hangsUpOnAClientGuessingAddresses() throws Exception {
		int port = start(TestSettings.defaults().maxRecipients(3));
		try (SmtpTestClient client = SmtpTestClient.connectAndGreet(port)) {
			client.command("MAIL FROM:<mallory@evil.example>").expectCode("250");
			for (int i = 0; i < 3; i++) {
				client.command("RCPT TO:<guess-" + i + "@in.mailtrail.test>").expectCode("550 5.1.1");
			}

			assertThat(client.command("RCPT TO:<guess-4@in.mailtrail.test>").last()).startsWith("421 4.7.0 ");
			assertThat(client.isClosedByServer()).isTrue();
		}
	}


	@Test
	void refusesATransactionBeforeTheClientGreets() throws Exception {
		try (SmtpTestClient client = SmtpTestClient.connect(start(TestSettings.defaults()))) {
			client.expect("220");
			assertThat(client.command("MAIL FROM:<alice@acme.example>").last()).startsWith("503 5.5.1");
			assertThat(client.command("EHLO client.example").last()).startsWith("250");
			assertThat(client.command("MAIL FROM:<alice@acme.example>").last()).startsWith("250");
		}
	}

}
