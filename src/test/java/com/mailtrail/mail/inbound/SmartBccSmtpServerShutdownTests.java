package com.mailtrail.mail.inbound;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the listener while a message is being stored. */
class SmartBccSmtpServerShutdownTests {

	private static final String BCC = "bcc-alice@in.mailtrail.test";

	private final TestRecipientRouter router = new TestRecipientRouter();

	private final RecordingMessageStore store = new RecordingMessageStore();

	@Test
	void letsTheMessageBeingStoredFinishAndRefusesNewOnesWith421() throws Exception {
		this.router.add(BCC);
		SmartBccSmtpServer server = new SmartBccSmtpServer(
				TestSettings.defaults().shutdownGracePeriod(Duration.ofSeconds(20)).build(), this.router, this.store);
		server.start();
		int port = server.port();
		this.store.blockStores();
		try (SmtpTestClient sending = SmtpTestClient.connectAndGreet(port);
				SmtpTestClient latecomer = SmtpTestClient.connectAndGreet(port)) {
			CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> sendQuietly(sending));
			assertThat(this.store.awaitBlockedStore()).isTrue();

			CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
			Thread.sleep(300);

			assertThat(stopping).isNotDone();
			assertThat(latecomer.command("MAIL FROM:<alice@acme.example>").last()).startsWith("421 4.3.2 ");

			this.store.releaseBlockedStores();

			assertThat(reply.get(10, TimeUnit.SECONDS)).startsWith("250");
			stopping.get(10, TimeUnit.SECONDS);
		}
		assertThat(server.isRunning()).isFalse();
		assertThat(this.store.stored()).hasSize(1);
	}

	private static String sendQuietly(SmtpTestClient client) {
		try {
			return client.sendMessage("alice@acme.example", List.of(BCC), "From: alice@acme.example\r\n\r\nHi").last();
		}
		catch (Exception ex) {
			return ex.toString();
		}
	}

}
