package com.mailtrail.mail.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the SMTP dialogue told us about one accepted message, besides its bytes.
 *
 * @param sessionId the SMTP session id, also in the logs' MDC as {@code smtpSessionId}
 * @param mailFrom the envelope sender, or {@code null} for the null sender {@code <>}
 * (bounces and auto-replies use it)
 * @param recipients the distinct accepted recipients, in {@code RCPT TO} order; never empty
 * @param heloName the name the client gave in {@code HELO}/{@code EHLO}, if it gave one
 * @param remoteAddress the client's IP address, without a reverse DNS lookup
 * @param receivedAt when the end of the data was received
 */
public record InboundEnvelope(String sessionId, @Nullable String mailFrom, List<RecipientRoute> recipients,
		@Nullable String heloName, String remoteAddress, Instant receivedAt) {

	public InboundEnvelope {
		Objects.requireNonNull(sessionId, "sessionId");
		Objects.requireNonNull(remoteAddress, "remoteAddress");
		Objects.requireNonNull(receivedAt, "receivedAt");
		recipients = List.copyOf(recipients);
		if (recipients.isEmpty()) {
			throw new IllegalArgumentException("An envelope has at least one recipient");
		}
	}

}
