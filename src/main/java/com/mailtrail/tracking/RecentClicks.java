package com.mailtrail.tracking;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * When each link of an email was last clicked from an address, for the "many links at once" scanner rule. Kept in
 * memory, per instance: a scanner's burst arrives over one connection, so behind a load balancer with sticky or
 * least-connection routing it lands on one instance; a burst split across instances is classified by its other
 * marks only. Cost per click is the number of links of the email, however many clicks arrive.
 */
@Component
class RecentClicks {

	static final long WINDOW_NANOS = 1_000_000_000L;

	private final Map<Key, Map<UUID, Long>> clicks = new ConcurrentHashMap<>();

	/** Records the click and answers how many other links of the email the address clicked within the window. */
	int recordAndCountOthers(UUID emailId, String address, UUID linkId, long nanos) {
		if (this.clicks.size() > 10_000) {
			this.clicks.values().removeIf(links -> {
				synchronized (links) {
					links.values().removeIf(at -> nanos - at > WINDOW_NANOS);
					return links.isEmpty();
				}
			});
		}
		Map<UUID, Long> links = this.clicks.computeIfAbsent(new Key(emailId, address), k -> new HashMap<>());
		synchronized (links) {
			links.values().removeIf(at -> nanos - at > WINDOW_NANOS);
			links.remove(linkId);
			int others = links.size();
			links.put(linkId, nanos);
			return others;
		}
	}

	private record Key(UUID emailId, String address) {
	}

}
