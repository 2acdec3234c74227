package com.mailtrail.mail.inbound;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/** Listener settings for tests: port 0, production defaults otherwise, changed one by one. */
final class TestSettings {

	private DataSize maxMessageSize = DataSize.ofMegabytes(25);

	private int maxConnections = 100;

	private int maxRecipients = 50;

	private Duration connectionTimeout = Duration.ofSeconds(60);

	private Duration dataTimeout = Duration.ofMinutes(10);

	private Duration shutdownGracePeriod = Duration.ofSeconds(30);

	private InboundSmtpSettings.Tls tls;

	static TestSettings defaults() {
		return new TestSettings();
	}

	TestSettings maxMessageSize(DataSize size) {
		this.maxMessageSize = size;
		return this;
	}

	TestSettings maxConnections(int count) {
		this.maxConnections = count;
		return this;
	}

	TestSettings maxRecipients(int count) {
		this.maxRecipients = count;
		return this;
	}

	TestSettings connectionTimeout(Duration timeout) {
		this.connectionTimeout = timeout;
		return this;
	}

	TestSettings dataTimeout(Duration timeout) {
		this.dataTimeout = timeout;
		return this;
	}

	TestSettings shutdownGracePeriod(Duration period) {
		this.shutdownGracePeriod = period;
		return this;
	}

	TestSettings tls(InboundSmtpSettings.Tls tls) {
		this.tls = tls;
		return this;
	}

	InboundSmtpSettings build() {
		return new InboundSmtpSettings(true, "127.0.0.1", 0, "mx.test", this.maxMessageSize, this.maxConnections,
				this.maxRecipients, this.connectionTimeout, this.dataTimeout, this.shutdownGracePeriod, this.tls);
	}

}
