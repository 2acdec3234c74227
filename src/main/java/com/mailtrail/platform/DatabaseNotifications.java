package com.mailtrail.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL LISTEN/NOTIFY for the whole instance: one connection listens on every channel a feature subscribed to
 * and hands each notification to that channel's subscribers, on its own thread. A NOTIFY is delivered when its
 * transaction commits, so a subscriber sees a change only once it is visible to its own queries.
 * <p>
 * Notifications sent while no connection listened are lost; subscribers hear of those gaps through
 * {@link Subscriber#listening()} and {@link Subscriber#deaf()} and resynchronise.
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

	/** What a feature does with its channel. Called on the listener's thread: return quickly. */
	public interface Subscriber {

		void notified(String payload);

		/** The channel is listened to, after a start or a reconnection: what was missed is unknown. */
		default void listening() {
		}

		/** Nothing listens until the next {@link #listening()}: notifications in between are lost. */
		default void deaf() {
		}

	}

	private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);

	private final DataSource dataSource;

	private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();

	private volatile boolean running;

	private volatile Thread listener;

	public DatabaseNotifications(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Subscribes before the application starts (from a bean's constructor). */
	public void subscribe(String channel, Subscriber subscriber) {
		if (!CHANNEL_NAME.matcher(channel).matches()) {
			throw new IllegalArgumentException("Not a plain channel name: " + channel);
		}
		if (this.running) {
			throw new IllegalStateException("Subscribe before the application starts");
		}
		this.subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(subscriber);
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					for (String channel : this.subscribers.keySet()) {
						statement.execute("LISTEN " + channel);
					}
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				everySubscriber(Subscriber::listening);
				while (this.running) {
					PGNotification[] notifications = pg.getNotifications(1000);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							deliver(notification);
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				everySubscriber(Subscriber::deaf);
				if (this.running) {
					log.warn("Listening for database notifications failed, reconnecting: {}", ex.toString());
					try {
						Thread.sleep(1000);
					}
					catch (InterruptedException interrupted) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}
		}
		everySubscriber(Subscriber::deaf);
	}

	private void deliver(PGNotification notification) {
		for (Subscriber subscriber : this.subscribers.getOrDefault(notification.getName(), List.of())) {
			try {
				subscriber.notified(notification.getParameter());
			}
			catch (RuntimeException ex) {
				log.warn("A subscriber of {} failed: {}", notification.getName(), ex.toString());
			}
		}
	}

	private void everySubscriber(Consumer<Subscriber> call) {
		this.subscribers.values().forEach(list -> list.forEach(subscriber -> {
			try {
				call.accept(subscriber);
			}
			catch (RuntimeException ex) {
				log.warn("A database notification subscriber failed: {}", ex.toString());
			}
		}));
	}

	@Override
	public void start() {
		this.running = true;
		if (this.subscribers.isEmpty()) {
			return;
		}
		Thread thread = new Thread(this::listen, "database-notifications");
		thread.setDaemon(true);
		this.listener = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.listener;
		if (thread != null) {
			try {
				thread.join(3000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
