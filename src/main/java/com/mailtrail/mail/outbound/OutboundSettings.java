package com.mailtrail.mail.outbound;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param timeout how long to wait for an SMTP server to connect or answer
 * @param trustedHosts hosts whose TLS certificate is accepted without validation (a self-signed relay on the
 * local network); every other host's certificate is checked against the JVM's trust store
 * @param allowPrivateNetworks whether users may point their SMTP account at loopback, private or link-local
 * addresses; off by default so that "Test connection" cannot be used to probe the servers' own network
 * @param messageIdDomain the domain of the Message-IDs of sent mail; when not set, the inbound (Smart BCC) domain
 * @param maxAttachmentSize the largest total of attachments one email may carry
 * @param workers sender threads per instance (0: this instance leaves sending to others)
 * @param batchSize entries a sender claims at once; one SMTP connection per account serves a batch
 * @param pollInterval how often an idle sender looks for due entries (a submit wakes it at once)
 * @param lease how long a claimed entry stays with its sender; after that a crashed sender's entry is claimed again
 * @param retryBase the wait after the first temporary failure, doubled for every further one
 * @param retryMax the longest wait between attempts
 * @param maxAttempts attempts after which a temporary failure is given up as failed
 */
@Validated
@ConfigurationProperties("mailtrail.outbound")
public record OutboundSettings(@NotNull Duration timeout, List<String> trustedHosts, boolean allowPrivateNetworks,
		@Pattern(regexp = "^[A-Za-z0-9.-]*$", message = "must be a domain name") String messageIdDomain,
		@NotNull DataSize maxAttachmentSize, @Min(0) @Max(32) int workers, @Min(1) @Max(500) int batchSize,
		@NotNull Duration pollInterval, @NotNull Duration lease, @NotNull Duration retryBase,
		@NotNull Duration retryMax, @Min(1) int maxAttempts) {

	@ConstructorBinding
	public OutboundSettings(@DefaultValue("10s") Duration timeout, @DefaultValue({}) List<String> trustedHosts,
			@DefaultValue("false") boolean allowPrivateNetworks, String messageIdDomain,
			@DefaultValue("10MB") DataSize maxAttachmentSize, @DefaultValue("2") int workers,
			@DefaultValue("20") int batchSize, @DefaultValue("1s") Duration pollInterval,
			@DefaultValue("5m") Duration lease, @DefaultValue("30s") Duration retryBase,
			@DefaultValue("1h") Duration retryMax, @DefaultValue("10") int maxAttempts) {
		this.timeout = timeout;
		this.trustedHosts = trustedHosts;
		this.allowPrivateNetworks = allowPrivateNetworks;
		this.messageIdDomain = messageIdDomain;
		this.maxAttachmentSize = maxAttachmentSize;
		this.workers = workers;
		this.batchSize = batchSize;
		this.pollInterval = pollInterval;
		this.lease = lease;
		this.retryBase = retryBase;
		this.retryMax = retryMax;
		this.maxAttempts = maxAttempts;
	}

	/** Connection settings only, with the defaults for everything else (tests, tools). */
	public OutboundSettings(Duration timeout, List<String> trustedHosts, boolean allowPrivateNetworks) {
		this(timeout, trustedHosts, allowPrivateNetworks, null, DataSize.ofMegabytes(10), 2, 20, Duration.ofSeconds(1),
				Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1), 10);
	}

	/** The wait before the attempt after this many failed ones. */
	Duration backoffAfter(int attempts) {
		int doublings = Math.max(0, Math.min(attempts - 1, 20));
		Duration wait = this.retryBase.multipliedBy(1L << doublings);
		return wait.compareTo(this.retryMax) > 0 ? this.retryMax : wait;
	}

}
