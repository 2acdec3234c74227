package com.mailtrail.mail.inbound;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One accepted {@code RCPT TO}: which user of which tenant the Smart BCC address belongs to.
 *
 * @param tenantId the tenant the message must be stored under
 * @param userId the owner of the Smart BCC address
 * @param address the Smart BCC address as the routing table knows it
 * @param strictForwarding whether the owner only accepts mail sent from their own addresses
 * @param allowedSenders the owner's registered and secondary addresses; stored lower-case so
 * that the listener compares them without caring how the router spelled them
 */
public record RecipientRoute(UUID tenantId, UUID userId, String address, boolean strictForwarding,
		Set<String> allowedSenders) {

	public RecipientRoute {
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(address, "address");
		allowedSenders = allowedSenders.stream()
			.map((sender) -> sender.trim().toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Whether mail from this address may reach the owner when strict forwarding is on. */
	boolean allowsSender(String senderAddress) {
		return this.allowedSenders.contains(senderAddress.trim().toLowerCase(Locale.ROOT));
	}

}
