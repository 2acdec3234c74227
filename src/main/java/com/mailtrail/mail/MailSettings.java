package com.mailtrail.mail;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param inboundDomain the domain of Smart BCC addresses; mail for it must reach the SMTP listener
 * @param processingWorkers threads per instance that turn accepted messages into emails (0: this instance only
 * accepts mail and leaves processing to others)
 */
@Validated
@ConfigurationProperties("mailtrail.mail")
public record MailSettings(
		@NotBlank @Pattern(regexp = "^[A-Za-z0-9.-]+$", message = "must be a domain name") String inboundDomain,
		@DefaultValue("2") @Min(0) @Max(32) int processingWorkers) {
}
