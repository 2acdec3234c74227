package com.mailtrail.mail.outbound;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether Mailtrail may connect to an account's host: checked by "Test connection" and again by the sender, so an
 * account saved before the deployment changed its mind cannot reach the server's own network.
 */
@Component
class SmtpEndpointPolicy {

	private final OutboundSettings settings;

	private final List<LocalSmtpEndpoints> localEndpoints;

	@Autowired
	SmtpEndpointPolicy(OutboundSettings settings, ObjectProvider<LocalSmtpEndpoints> localEndpoints) {
		this(settings, localEndpoints.orderedStream().toList());
	}

	SmtpEndpointPolicy(OutboundSettings settings, List<LocalSmtpEndpoints> localEndpoints) {
		this.settings = settings;
		this.localEndpoints = localEndpoints;
	}

	/** Why Mailtrail will not connect there, or null when it may. */
	String refusal(String host, int port) {
		if (this.settings.allowPrivateNetworks() || this.localEndpoints.stream().anyMatch(e -> e.allows(host, port))) {
			return null;
		}
		if (PrivateAddresses.isPrivate(host)) {
			return "Mailtrail does not connect to \"" + host + "\": it is an address on a local or private network. "
					+ "Use your mail provider's public SMTP server.";
		}
		return null;
	}

}
