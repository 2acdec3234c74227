package com.mailtrail.notifications;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

import com.mailtrail.platform.DatabaseNotifications;
import com.mailtrail.tenancy.TenantId;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live part: each open page holds a server-sent event stream here, and the instance LISTENs on PostgreSQL's
 * notification channel. Whichever instance stores a notification (NOTIFY on commit), every instance
 * holding a page of that user pushes the new unread count to it. Needs no server besides PostgreSQL.
 */
@Component
class LiveNotifications implements SmartLifecycle {

	static final long STREAM_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(30);

	private final NotificationQueries queries;

	private final Map<UserKey, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

	private volatile boolean running;

	LiveNotifications(DatabaseNotifications databaseNotifications, NotificationQueries queries) {
		this.queries = queries;
		databaseNotifications.subscribe(NotificationQueries.CHANNEL, new DatabaseNotifications.Subscriber() {

			@Override
			public void notified(String payload) {
				UserKey.parse(payload).ifPresent(LiveNotifications.this::push);
			}

			@Override
			public void listening() {
				// Counts may have changed while nothing listened: refresh every open page once.
				LiveNotifications.this.streams.keySet().forEach(LiveNotifications.this::push);
			}

		});
	}

	/** A stream for one open page of the user; it starts with the current unread count. */
	SseEmitter open(TenantId tenant, UUID userId) {
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MILLIS);
		if (!this.running) {
			// Shutting down: a stream opened now would hold up the web server's graceful shutdown.
			emitter.complete();
			return emitter;
		}
		UserKey key = new UserKey(tenant, userId);
		Set<SseEmitter> set = this.streams.computeIfAbsent(key, k -> new CopyOnWriteArraySet<>());
		set.add(emitter);
		Runnable remove = () -> {
			set.remove(emitter);
			this.streams.computeIfPresent(key, (k, s) -> s.isEmpty() ? null : s);
		};
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(ex -> remove.run());
		send(emitter, this.queries.unreadCount(tenant, userId));
		return emitter;
	}

	private void push(UserKey key) {
		Set<SseEmitter> emitters = this.streams.get(key);
		if (emitters == null || emitters.isEmpty()) {
			return;
		}
		long count = this.queries.unreadCount(key.tenant(), key.userId());
		emitters.forEach(emitter -> send(emitter, count));
	}

	private static void send(SseEmitter emitter, long count) {
		try {
			emitter.send(SseEmitter.event().name("count").data(Long.toString(count)));
		}
		catch (IOException | IllegalStateException ex) {
			emitter.completeWithError(ex);
		}
	}

	@Scheduled(fixedDelay = 25, timeUnit = TimeUnit.SECONDS)
	void heartbeat() {
		this.streams.values().forEach(set -> set.forEach(emitter -> {
			try {
				emitter.send(SseEmitter.event().comment("keep-alive"));
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
			}
		}));
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.streams.values().forEach(set -> set.forEach(SseEmitter::complete));
		this.streams.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private record UserKey(TenantId tenant, UUID userId) {

		static java.util.Optional<UserKey> parse(String payload) {
			int colon = payload == null ? -1 : payload.indexOf(':');
			if (colon < 0) {
				return java.util.Optional.empty();
			}
			try {
				return java.util.Optional.of(new UserKey(TenantId.of(UUID.fromString(payload.substring(0, colon))),
						UUID.fromString(payload.substring(colon + 1))));
			}
			catch (IllegalArgumentException ex) {
				return java.util.Optional.empty();
			}
		}

	}

}
