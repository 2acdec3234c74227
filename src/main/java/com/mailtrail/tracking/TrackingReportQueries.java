package com.mailtrail.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mailtrail.mail.EmailEngagement;
import com.mailtrail.tenancy.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the pages show of tracking; every query takes the tenant explicitly. */
@Component
@Transactional(readOnly = true)
class TrackingReportQueries {

	private final JdbcClient jdbc;

	TrackingReportQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<UUID, EmailEngagement.Markers> markers(TenantId tenant, Collection<UUID> emailIds) {
		Map<UUID, EmailEngagement.Markers> markers = new HashMap<>();
		if (emailIds.isEmpty()) {
			return markers;
		}
		this.jdbc.sql("""
				select t.email_id,
				       exists (select 1 from tracking_event e where e.tenant_id = t.tenant_id and e.email_id = t.email_id
				               and e.kind = 'OPEN' and e.audience = 'PERSON') as opened,
				       exists (select 1 from tracking_event e where e.tenant_id = t.tenant_id and e.email_id = t.email_id
				               and e.kind = 'CLICK' and e.audience = 'PERSON') as clicked
				from tracked_email t where t.tenant_id = :tenant and t.email_id in (:ids)""")
			.param("tenant", tenant.value())
			.param("ids", List.copyOf(emailIds))
			.query((rs, n) -> markers.put(rs.getObject("email_id", UUID.class),
					new EmailEngagement.Markers(rs.getBoolean("opened"), rs.getBoolean("clicked"))))
			.list();
		return markers;
	}

	boolean tracked(TenantId tenant, UUID emailId) {
		return this.jdbc.sql("select exists (select 1 from tracked_email where tenant_id = ? and email_id = ?)")
			.params(tenant.value(), emailId)
			.query(Boolean.class)
			.single();
	}

	List<EmailEngagement.Event> events(TenantId tenant, UUID emailId) {
		return this.jdbc.sql("""
				select e.occurred_at, e.kind, e.audience, l.url, e.user_agent, e.ip, e.inferred
				from tracking_event e left join tracked_link l on l.id = e.link_id and l.tenant_id = e.tenant_id
				where e.tenant_id = ? and e.email_id = ? order by e.occurred_at, e.id limit 500""")
			.params(tenant.value(), emailId)
			.query((rs, n) -> new EmailEngagement.Event(rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("kind"), rs.getString("audience"), rs.getString("url"), rs.getString("user_agent"),
					rs.getString("ip"), rs.getBoolean("inferred")))
			.list();
	}

	/** Counts of one email's events: person opens, person clicks, and all others. */
	long[] counts(TenantId tenant, UUID emailId) {
		return this.jdbc.sql("""
				select count(*) filter (where kind = 'OPEN' and audience = 'PERSON') as opens,
				       count(*) filter (where kind = 'CLICK' and audience = 'PERSON') as clicks,
				       count(*) filter (where audience <> 'PERSON') as others
				from tracking_event where tenant_id = ? and email_id = ?""")
			.params(tenant.value(), emailId)
			.query((rs, n) -> new long[] { rs.getLong("opens"), rs.getLong("clicks"), rs.getLong("others") })
			.single();
	}

	/**
	 * Per ISO week (Monday, UTC) since {@code since}: how many tracked emails the owner sent, and how many of them a
	 * person opened and clicked.
	 */
	List<WeekRow> weekly(TenantId tenant, UUID ownerId, Instant since) {
		return this.jdbc.sql("""
				select date_trunc('week', t.created_at at time zone 'UTC')::date as week,
				       count(*) as sent,
				       count(*) filter (where exists (select 1 from tracking_event e where e.tenant_id = t.tenant_id
				                        and e.email_id = t.email_id and e.kind = 'OPEN' and e.audience = 'PERSON')) as opened,
				       count(*) filter (where exists (select 1 from tracking_event e where e.tenant_id = t.tenant_id
				                        and e.email_id = t.email_id and e.kind = 'CLICK' and e.audience = 'PERSON')) as clicked
				from tracked_email t
				where t.tenant_id = ? and t.owner_id = ? and t.created_at >= ?
				group by 1 order by 1""")
			.params(tenant.value(), ownerId, Timestamp.from(since))
			.query((rs, n) -> new WeekRow(rs.getObject("week", LocalDate.class), rs.getLong("sent"),
					rs.getLong("opened"), rs.getLong("clicked")))
			.list();
	}

	record WeekRow(LocalDate week, long sent, long opened, long clicked) {
	}

}
