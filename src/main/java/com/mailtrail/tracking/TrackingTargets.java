package com.mailtrail.tracking;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Resolves tokens to what they stand for. The HMAC is checked first, so a bad token costs no query; a valid token's
 * target is cached, since token rows never change (a deleted email's events are refused by the database and
 * skipped).
 */
@Component
class TrackingTargets {

	static final int CACHE_SIZE = 20_000;

	private final TrackingTokens tokens;

	private final TrackedEmailQueries queries;

	private final Map<String, TrackedEmailQueries.Target> opens = new ConcurrentHashMap<>();

	private final Map<String, TrackedEmailQueries.Target> clicks = new ConcurrentHashMap<>();

	TrackingTargets(TrackingTokens tokens, TrackedEmailQueries queries) {
		this.tokens = tokens;
		this.queries = queries;
	}

	Optional<TrackedEmailQueries.Target> open(String token) {
		return resolve(token, this.opens, true);
	}

	Optional<TrackedEmailQueries.Target> click(String token) {
		return resolve(token, this.clicks, false);
	}

	private Optional<TrackedEmailQueries.Target> resolve(String token, Map<String, TrackedEmailQueries.Target> cache,
			boolean open) {
		TrackedEmailQueries.Target cached = cache.get(token);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<TrackedEmailQueries.Target> target = this.tokens.verify(token)
			.flatMap(id -> open ? this.queries.openTarget(id) : this.queries.clickTarget(id));
		target.ifPresent(t -> {
			if (cache.size() >= CACHE_SIZE) {
				cache.clear();
			}
			cache.put(token, t);
		});
		return target;
	}

}
