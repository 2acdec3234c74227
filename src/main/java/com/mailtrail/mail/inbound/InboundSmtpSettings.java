package com.mailtrail.mail.inbound;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Smart BCC SMTP listener ({@code mailtrail.smtp.*}).
 *
 * @param enabled whether the listener starts with the application
 * @param bindAddress the local address to listen on; loopback by default because a real
 * MTA (Postfix, a cloud relay) is expected in front of it
 * @param port the TCP port; 0 picks a free one, see {@link SmartBccSmtpServer#port()}
 * @param hostName the name in the greeting and in our {@code Received} header
 * @param maxMessageSize the largest message accepted, advertised with {@code SIZE}; larger
 * ones get 552. Messages are held in memory while they are stored.
 * @param maxConnections concurrent sessions; one more gets {@code 421 4.7.0}. Each session
 * holds one thread, so this also bounds the listener's thread pool.
 * @param maxRecipients distinct recipients per message; one more gets {@code 452 4.5.3}
 * @param connectionTimeout how long the listener waits for the client to send anything
 * before it answers 421 and hangs up
 * @param dataTimeout how long the whole {@code DATA} transfer may take, so that a client
 * trickling bytes cannot keep a connection forever
 * @param shutdownGracePeriod how long shutdown waits for messages being received or stored
 * @param tls the key store that enables {@code STARTTLS}; without it STARTTLS is not offered
 */
@ConfigurationProperties("mailtrail.smtp")
@Validated
public record InboundSmtpSettings(@DefaultValue("true") boolean enabled,
		@DefaultValue("127.0.0.1") @NotBlank String bindAddress,
		@DefaultValue("2525") @Min(0) @Max(65535) int port, @DefaultValue("localhost") @NotBlank String hostName,
		@DefaultValue("25MB") @NotNull DataSize maxMessageSize, @DefaultValue("100") @Min(1) int maxConnections,
		@DefaultValue("50") @Min(1) int maxRecipients, @DefaultValue("60s") @NotNull Duration connectionTimeout,
		@DefaultValue("10m") @NotNull Duration dataTimeout, @DefaultValue("30s") @NotNull Duration shutdownGracePeriod,
		@Valid @Nullable Tls tls) {

	/** SubEthaSMTP keeps the size in an int and we keep the message in one byte array. */
	private static final long LARGEST_MESSAGE_SIZE = Integer.MAX_VALUE - 8;

	@AssertTrue(message = "maxMessageSize must be between 1KB and 2GB")
	boolean isMaxMessageSizeInRange() {
		return this.maxMessageSize == null || (this.maxMessageSize.toBytes() >= 1024
				&& this.maxMessageSize.toBytes() <= LARGEST_MESSAGE_SIZE);
	}

	@AssertTrue(message = "connectionTimeout, dataTimeout and shutdownGracePeriod must be positive and below 24 days")
	boolean isTimeoutsInRange() {
		return isMillisInRange(this.connectionTimeout) && isMillisInRange(this.dataTimeout)
				&& isMillisInRange(this.shutdownGracePeriod);
	}

	private static boolean isMillisInRange(@Nullable Duration duration) {
		// Socket timeouts are ints of milliseconds.
		return duration == null || (!duration.isNegative() && !duration.isZero()
				&& duration.toMillis() <= Integer.MAX_VALUE);
	}

	/** Whether STARTTLS is offered. */
	public boolean startTlsEnabled() {
		return this.tls != null;
	}

	/**
	 * The key store holding the listener's private key and certificate chain.
	 *
	 * @param keyStore the file path of the key store
	 * @param keyStorePassword its password, also used for the key
	 * @param keyStoreType {@code PKCS12} (default) or {@code JKS}
	 */
	public record Tls(@NotBlank String keyStore, @Nullable String keyStorePassword,
			@DefaultValue("PKCS12") @NotBlank String keyStoreType) {

		@Override
		public String toString() {
			// A record's generated toString would print the password.
			return "Tls[keyStore=" + this.keyStore + ", keyStoreType=" + this.keyStoreType + "]";
		}

	}

}
