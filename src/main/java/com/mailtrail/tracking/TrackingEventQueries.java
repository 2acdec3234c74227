package com.mailtrail.tracking;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes events in batches; every row carries its own tenant, taken from the token that was used. A batch is one
 * statement whatever its size: its columns go as arrays through {@code unnest}, so the statement text never changes
 * and PostgreSQL parses and plans it once per connection instead of once per batch size.
 */
@Component
class TrackingEventQueries {

	private static final String INSERT = """
			insert into tracking_event (tenant_id, email_id, link_id, kind, audience, inferred, occurred_at, user_agent, ip)
			select tenant_id, email_id, link_id, kind, audience, false, occurred_at, user_agent, ip
			from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[])
			     as e(tenant_id, email_id, link_id, kind, audience, occurred_at, user_agent, ip)""";

	private static final String INSERT_IMPLIED_OPENS = """
			insert into tracking_event (tenant_id, email_id, kind, audience, inferred, occurred_at, user_agent, ip)
			select c.tenant_id, c.email_id, 'OPEN', 'PERSON', true, c.occurred_at, c.user_agent, c.ip
			from unnest(?::uuid[], ?::uuid[], ?::timestamptz[], ?::text[], ?::text[])
			     as c(tenant_id, email_id, occurred_at, user_agent, ip)
			where not exists (select 1 from tracking_event e where e.tenant_id = c.tenant_id and e.email_id = c.email_id
			                  and e.kind = 'OPEN' and e.audience = 'PERSON')""";

	private final JdbcClient jdbc;

	TrackingEventQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One insert for the batch, then, in the same transaction, the reclassification of a scanner's burst of clicks,
	 * and in one more statement the open a person's click implies when no open by a person was seen.
	 */
	@Transactional
	void insert(List<TrackingEvent> events) {
		this.jdbc.sql(INSERT)
			.params(text(events, e -> e.target().tenant().value().toString()),
					text(events, e -> e.target().emailId().toString()),
					text(events, e -> e.target().linkId() == null ? null : e.target().linkId().toString()),
					text(events, e -> e.kind().name()), text(events, e -> e.audience().name()),
					text(events, e -> e.at().toString()), text(events, TrackingEvent::userAgent),
					text(events, TrackingEvent::ip))
			.update();
		Map<UUID, TrackingEvent> firstPersonClick = new LinkedHashMap<>();
		for (TrackingEvent e : events) {
			if (e.burst()) {
				this.jdbc.sql("""
						update tracking_event set audience = 'SCANNER'
						where tenant_id = ? and email_id = ? and audience = 'PERSON' and (kind = 'CLICK' or inferred)
						  and ip is not distinct from ? and occurred_at >= ?""")
					.params(e.target().tenant().value(), e.target().emailId(), new SqlParameterValue(Types.VARCHAR, e.ip()),
							Timestamp.from(e.at().minusSeconds(1)))
					.update();
			}
			// A person who clicked has opened, even when images stayed blocked; for proxies and scanners it means nothing.
			if (e.kind() == TrackingEvent.Kind.CLICK && e.audience() == Audience.PERSON) {
				firstPersonClick.putIfAbsent(e.target().emailId(), e);
			}
		}
		if (!firstPersonClick.isEmpty()) {
			List<TrackingEvent> clicks = List.copyOf(firstPersonClick.values());
			this.jdbc.sql(INSERT_IMPLIED_OPENS)
				.params(text(clicks, e -> e.target().tenant().value().toString()),
						text(clicks, e -> e.target().emailId().toString()), text(clicks, e -> e.at().toString()),
						text(clicks, TrackingEvent::userAgent), text(clicks, TrackingEvent::ip))
				.update();
		}
	}

	/** One column of the batch, sent as text[] and cast in the statement, as PostgreSQL does for uuid and timestamptz. */
	private static SqlArrayValue text(List<TrackingEvent> events, Function<TrackingEvent, String> column) {
		return new SqlArrayValue("text", events.stream().map(column).toArray());
	}

}
