package com.mailtrail.notifications;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mailtrail.tenancy.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Notifications in SQL; every query takes the tenant explicitly (publishers run outside any request). */
@Component
class NotificationQueries {

	static final String CHANNEL = "mailtrail_notifications";

	private final JdbcClient jdbc;

	NotificationQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the notification unless one with the same throttle key went to the user within the throttle (null:
	 * ever), and signals the user's open pages on commit. An advisory lock on the key makes the check and the insert
	 * one step even when several instances publish at once.
	 */
	@Transactional
	boolean publish(TenantId tenant, UUID userId, String message, String href, String throttleKey, Duration throttle) {
		if (throttleKey != null) {
			this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
				.param(tenant + ":" + userId + ":" + throttleKey)
				.query((rs, n) -> 1)
				.list();
			Instant since = throttle == null ? Instant.EPOCH : Instant.now().minus(throttle);
			boolean throttled = this.jdbc.sql("""
					select exists (select 1 from notification where tenant_id = ? and user_id = ? and throttle_key = ?
					               and created_at > ?)""")
				.params(tenant.value(), userId, throttleKey, Timestamp.from(since))
				.query(Boolean.class)
				.single();
			if (throttled) {
				return false;
			}
		}
		this.jdbc.sql("""
				insert into notification (id, tenant_id, user_id, message, href, throttle_key)
				values (?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), tenant.value(), userId, truncate(message, 1000), href, throttleKey)
			.update();
		signal(tenant, userId);
		return true;
	}

	/** Tells every instance, on commit, that the user's unread count may have changed. */
	void signal(TenantId tenant, UUID userId) {
		this.jdbc.sql("select pg_notify(?, ?)")
			.params(CHANNEL, tenant + ":" + userId)
			.query((rs, n) -> 1)
			.list();
	}

	@Transactional(readOnly = true)
	long unreadCount(TenantId tenant, UUID userId) {
		return this.jdbc
			.sql("select count(*) from notification where tenant_id = ? and user_id = ? and read_at is null")
			.params(tenant.value(), userId)
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	List<Notifications.Notification> recent(TenantId tenant, UUID userId, int limit) {
		return this.jdbc.sql("""
				select id, message, href, created_at, read_at from notification
				where tenant_id = ? and user_id = ? order by created_at desc limit ?""")
			.params(tenant.value(), userId, limit)
			.query((rs, n) -> new Notifications.Notification(rs.getObject("id", UUID.class), rs.getString("message"),
					rs.getString("href"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("read_at") != null))
			.list();
	}

	@Transactional
	void markRead(TenantId tenant, UUID userId, UUID id) {
		int changed = this.jdbc.sql("""
				update notification set read_at = now()
				where tenant_id = ? and user_id = ? and id = ? and read_at is null""")
			.params(tenant.value(), userId, id)
			.update();
		if (changed > 0) {
			signal(tenant, userId);
		}
	}

	@Transactional
	void markAllRead(TenantId tenant, UUID userId) {
		int changed = this.jdbc
			.sql("update notification set read_at = now() where tenant_id = ? and user_id = ? and read_at is null")
			.params(tenant.value(), userId)
			.update();
		if (changed > 0) {
			signal(tenant, userId);
		}
	}

	private static String truncate(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max - 1) + "\u2026";
	}

}
