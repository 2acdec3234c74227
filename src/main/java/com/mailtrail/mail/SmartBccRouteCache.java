package com.mailtrail.mail;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.mailtrail.mail.SmartBccRouteQueries.Route;
import com.mailtrail.platform.DatabaseNotifications;
import com.mailtrail.security.UserAccountChanged;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps what {@code RCPT TO} needs per Smart BCC token in memory, so that the listener asks the database once per
 * address instead of once per message. Database triggers NOTIFY every change to what a route answers (a regenerated
 * token, a deactivated user, secondary addresses, the strict forwarding switch), whichever code path made it, and
 * each notification empties the cache of every instance when its transaction commits. The instance that made a
 * change does not wait for the notification: it forgets right after the commit, before the change's page or API call
 * answers. While no connection listens, the cache is bypassed: a change could go unheard.
 * <p>
 * Unknown tokens are not cached: a new address must work at once, and guessing is bounded per connection.
 */
@Component
class SmartBccRouteCache implements DatabaseNotifications.Subscriber {

	static final String CHANNEL = "smart_bcc_route_changed";

	/** Far more than the active users of a deployment; past it, lookups go to the database. */
	static final int MAX_ENTRIES = 100_000;

	private final Map<String, Route> routes = new ConcurrentHashMap<>();

	/** Moves on every invalidation, so that a lookup that raced one does not keep what it read before it. */
	private final AtomicLong generation = new AtomicLong();

	private volatile boolean listening;

	SmartBccRouteCache(DatabaseNotifications notifications) {
		notifications.subscribe(CHANNEL, this);
	}

	Optional<Route> find(String token, Function<String, Optional<Route>> lookup) {
		if (!this.listening) {
			return lookup.apply(token);
		}
		Route cached = this.routes.get(token);
		if (cached != null) {
			return Optional.of(cached);
		}
		long before = this.generation.get();
		Optional<Route> found = lookup.apply(token);
		found.filter(route -> this.routes.size() < MAX_ENTRIES).ifPresent(route -> {
			this.routes.put(token, route);
			if (this.generation.get() != before) {
				this.routes.remove(token, route);
			}
		});
		return found;
	}

	/** For a change this instance makes: forgets every route as soon as the change commits. */
	void forgetAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			invalidate();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				invalidate();
			}

		});
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(UserAccountChanged event) {
		invalidate();
	}

	@Override
	public void notified(String payload) {
		invalidate();
	}

	@Override
	public void listening() {
		invalidate();
		this.listening = true;
	}

	@Override
	public void deaf() {
		this.listening = false;
		invalidate();
	}

	private void invalidate() {
		this.generation.incrementAndGet();
		this.routes.clear();
	}

}
