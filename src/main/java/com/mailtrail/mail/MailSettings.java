package com.mailtrail.mail;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param inboundDomain the domain of Smart BCC addresses; mail for it must reach the SMTP listener
 */
@Validated
@ConfigurationProperties("mailtrail.mail")
public record MailSettings(
		@NotBlank @Pattern(regexp = "^[A-Za-z0-9.-]+$", message = "must be a domain name") String inboundDomain) {
}
