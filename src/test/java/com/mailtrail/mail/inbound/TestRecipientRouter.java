package com.mailtrail.mail.inbound;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The routing table in a map; can pretend the database is down for the next lookups. */
final class TestRecipientRouter implements RecipientRouter {

	static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-00000000aaaa");

	private final Map<String, RecipientRoute> routes = new ConcurrentHashMap<>();

	private final AtomicInteger failuresToSimulate = new AtomicInteger();

	final AtomicInteger lookups = new AtomicInteger();

	RecipientRoute add(String address) {
		return add(address, false, Set.of());
	}

	RecipientRoute addStrict(String address, String... ownerAddresses) {
		return add(address, true, Set.of(ownerAddresses));
	}

	private RecipientRoute add(String address, boolean strict, Set<String> allowedSenders) {
		RecipientRoute route = new RecipientRoute(TENANT, UUID.randomUUID(), address, strict, allowedSenders);
		this.routes.put(address.toLowerCase(Locale.ROOT), route);
		return route;
	}

	void failNextLookups(int count) {
		this.failuresToSimulate.set(count);
	}

	@Override
	public Optional<RecipientRoute> route(String recipientAddress) {
		this.lookups.incrementAndGet();
		if (this.failuresToSimulate.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			throw new IllegalStateException("Simulated: database unavailable");
		}
		return Optional.ofNullable(this.routes.get(recipientAddress.toLowerCase(Locale.ROOT)));
	}

}
