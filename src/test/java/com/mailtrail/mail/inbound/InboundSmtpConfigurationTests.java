package com.mailtrail.mail.inbound;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** How the application wires the listener: settings, defaults, validation, lifecycle. */
class InboundSmtpConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(InboundSmtpConfiguration.class)
		.withBean(RecipientRouter.class, () -> (address) -> Optional.empty())
		.withBean(InboundMessageStore.class, () -> (envelope, raw) -> {
		});

	@Test
	void bindsDefaultsAndStartsTheListenerWithTheContext() {
		this.contextRunner.withPropertyValues("mailtrail.smtp.port=0").run((context) -> {
			InboundSmtpSettings settings = context.getBean(InboundSmtpSettings.class);
			assertThat(settings.enabled()).isTrue();
			assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
			assertThat(settings.maxMessageSize()).isEqualTo(DataSize.ofMegabytes(25));
			assertThat(settings.maxConnections()).isEqualTo(100);
			assertThat(settings.maxRecipients()).isEqualTo(50);
			assertThat(settings.connectionTimeout()).isEqualTo(Duration.ofSeconds(60));
			assertThat(settings.startTlsEnabled()).isFalse();

			SmartBccSmtpServer server = context.getBean(SmartBccSmtpServer.class);
			assertThat(server.isRunning()).isTrue();
			try (SmtpTestClient client = SmtpTestClient.connect(server.port())) {
				assertThat(client.reply().last()).startsWith("220 localhost ESMTP");
			}
		});
	}

	@Test
	void defaultPortIs2525() {
		this.contextRunner.withPropertyValues("mailtrail.smtp.enabled=false")
			.run((context) -> assertThat(context.getBean(InboundSmtpSettings.class).port()).isEqualTo(2525));
	}

	@Test
	void createsNoListenerWhenDisabled() {
		this.contextRunner.withPropertyValues("mailtrail.smtp.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SmartBccSmtpServer.class));
	}

	@Test
	void refusesInvalidSettings() {
		this.contextRunner.withPropertyValues("mailtrail.smtp.port=70000", "mailtrail.smtp.max-message-size=10B")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("port")
				.hasMessageContaining("maxMessageSize"));
	}

	@Test
	void failsWithoutTheApplicationsRouterAndStore() {
		new ApplicationContextRunner().withUserConfiguration(InboundSmtpConfiguration.class)
			.withPropertyValues("mailtrail.smtp.port=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void keepsTheKeyStorePasswordOutOfToString() {
		this.contextRunner
			.withPropertyValues("mailtrail.smtp.enabled=false", "mailtrail.smtp.tls.key-store=/etc/mailtrail/smtp.p12",
					"mailtrail.smtp.tls.key-store-password=s3cret")
			.run((context) -> {
				InboundSmtpSettings settings = context.getBean(InboundSmtpSettings.class);
				assertThat(settings.startTlsEnabled()).isTrue();
				assertThat(settings.tls().keyStoreType()).isEqualTo("PKCS12");
				assertThat(settings.toString()).contains("/etc/mailtrail/smtp.p12").doesNotContain("s3cret");
			});
	}

}
