package com.mailtrail.tracking;

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

	/**
	 * Records the click and answers how many other links of the email the address clicked within the window. Takes
	 * no lock: each click is put before the others are counted, so of clicks arriving together the last to count
	 * sees all of them, as it would have under a lock. (A lock per address made every click of one busy address
	 * wait for a thread preempted inside it.)
	 */
	int recordAndCountOthers(UUID emailId, String address, UUID linkId, long nanos) {
		if (this.clicks.size() > 10_000) {
			this.clicks.values().removeIf(links -> {
				links.values().removeIf(at -> nanos - at > WINDOW_NANOS);
				return links.isEmpty();
			});
		}
		Key key = new Key(emailId, address);
		Map<UUID, Long> links = this.clicks.get(key);
		if (links == null) {
			links = this.clicks.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
		}
		links.put(linkId, nanos);
		int others = 0;
		for (Map.Entry<UUID, Long> link : links.entrySet()) {
			if (nanos - link.getValue() > WINDOW_NANOS) {
				links.remove(link.getKey(), link.getValue());
			}
			else if (!link.getKey().equals(linkId)) {
				others++;
			}
		}
		return others;
	}

	private record Key(UUID emailId, String address) {
	}

}
