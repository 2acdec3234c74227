package com.mailtrail.mail;

import java.util.Optional;

import com.mailtrail.mail.inbound.RecipientRoute;
import com.mailtrail.mail.inbound.RecipientRouter;

import org.springframework.stereotype.Component;

/** Answers RCPT TO from the routing table (through its cache): only an active user's current address is known. */
@Component
class SmartBccRecipientRouter implements RecipientRouter {

	private final SmartBccAddresses addresses;

	private final SmartBccRouteQueries routes;

	private final SmartBccRouteCache cache;

	SmartBccRecipientRouter(SmartBccAddresses addresses, SmartBccRouteQueries routes, SmartBccRouteCache cache) {
		this.addresses = addresses;
		this.routes = routes;
		this.cache = cache;
	}

	@Override
	public Optional<RecipientRoute> route(String recipientAddress) {
		return this.addresses.tokenIn(recipientAddress)
			.flatMap(token -> this.cache.find(token, this.routes::findActive))
			.map(route -> new RecipientRoute(route.tenantId().value(), route.userId(), recipientAddress,
					route.strictForwarding(), route.ownAddresses()));
	}

}
