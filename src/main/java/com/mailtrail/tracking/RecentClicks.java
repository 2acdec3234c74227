package com.mailtrail.tracking;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The clicks of the last second per email and address, for the "many links at once" scanner rule. Kept in memory,
 * per instance: a scanner's burst arrives over one connection, so behind a load balancer with sticky or
 * least-connection routing it lands on one instance; a burst split across instances is classified by its other
 * marks only.
 */
@Component
class RecentClicks {

	static final long WINDOW_NANOS = 1_000_000_000L;

	private final Map<Key, Deque<Click>> clicks = new ConcurrentHashMap<>();

	/** Records the click and answers how many other links of the email the address clicked within the window. */
	int recordAndCountOthers(UUID emailId, String address, UUID linkId, long nanos) {
		if (this.clicks.size() > 10_000) {
			this.clicks.values().removeIf(d -> {
				synchronized (d) {
					return d.isEmpty() || nanos - d.peekLast().nanos() > WINDOW_NANOS;
				}
			});
		}
		Deque<Click> recent = this.clicks.computeIfAbsent(new Key(emailId, address), k -> new ArrayDeque<>());
		synchronized (recent) {
			while (!recent.isEmpty() && nanos - recent.peekFirst().nanos() > WINDOW_NANOS) {
				recent.pollFirst();
			}
			int others = (int) recent.stream()
				.map(Click::linkId)
				.filter(l -> !Objects.equals(l, linkId))
				.distinct()
				.count();
			recent.addLast(new Click(linkId, nanos));
			return others;
		}
	}

	private record Key(UUID emailId, String address) {
	}

	private record Click(UUID linkId, long nanos) {
	}

}
