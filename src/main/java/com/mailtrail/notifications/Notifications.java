package com.mailtrail.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mailtrail.tenancy.TenantContext;
import com.mailtrail.tenancy.TenantId;

import org.springframework.stereotype.Service;

/** Publishes notifications for users and reads the signed-in user's. */
@Service
public class Notifications {

	private final NotificationQueries queries;

	Notifications(NotificationQueries queries) {
		this.queries = queries;
	}

	/**
	 * Notifies the user, live on every open page, unless a notification with the same throttle key reached them within
	 * {@code throttle} ({@code null}: ever). Callable from any thread; the tenant is given, not taken from the context.
	 *
	 * @param href a path inside Mailtrail the notification links to
	 * @return whether the notification was published
	 */
	public boolean publish(TenantId tenant, UUID userId, String message, String href, String throttleKey,
			Duration throttle) {
		return this.queries.publish(tenant, userId, message, href, throttleKey, throttle);
	}

	/** The current tenant's user's unread count. */
	public long unreadCount(UUID userId) {
		return this.queries.unreadCount(TenantContext.required(), userId);
	}

	List<Notification> recent(UUID userId) {
		return this.queries.recent(TenantContext.required(), userId, 100);
	}

	void markRead(UUID userId, UUID id) {
		this.queries.markRead(TenantContext.required(), userId, id);
	}

	void markAllRead(UUID userId) {
		this.queries.markAllRead(TenantContext.required(), userId);
	}

	public record Notification(UUID id, String message, String href, Instant createdAt, boolean read) {
	}

}
