package com.mailtrail.mail.outbound;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param timeout how long to wait for an SMTP server to connect or answer
 * @param trustedHosts hosts whose TLS certificate is accepted without validation (a self-signed relay on the
 * local network); every other host's certificate is checked against the JVM's trust store
 * @param allowPrivateNetworks whether users may point their SMTP account at loopback, private or link-local
 * addresses; off by default so that "Test connection" cannot be used to probe the servers' own network
 */
@Validated
@ConfigurationProperties("mailtrail.outbound")
public record OutboundSettings(@DefaultValue("10s") @NotNull Duration timeout,
		@DefaultValue({}) List<String> trustedHosts, @DefaultValue("false") boolean allowPrivateNetworks) {
}
