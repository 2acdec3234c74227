package com.mailtrail.tracking;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes events in batches; every row carries its own tenant, taken from the token that was used. */
@Component
class TrackingEventQueries {

	private static final String COLUMNS = "insert into tracking_event "
			+ "(tenant_id, email_id, link_id, kind, audience, inferred, occurred_at, user_agent, ip) values ";

	private final JdbcClient jdbc;

	TrackingEventQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One multi-row insert for the batch, then, in the same transaction, the open a person's click implies when no
	 * open by a person was seen, and the reclassification of a scanner's burst of clicks.
	 */
	@Transactional
	void insert(List<TrackingEvent> events) {
		StringBuilder sql = new StringBuilder(COLUMNS);
		List<Object> params = new ArrayList<>(events.size() * 9);
		for (int i = 0; i < events.size(); i++) {
			TrackingEvent e = events.get(i);
			sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, false, ?, ?, ?)");
			params.add(e.target().tenant().value());
			params.add(e.target().emailId());
			params.add(new SqlParameterValue(Types.OTHER, e.target().linkId()));
			params.add(e.kind().name());
			params.add(e.audience().name());
			params.add(Timestamp.from(e.at()));
			params.add(new SqlParameterValue(Types.VARCHAR, e.userAgent()));
			params.add(new SqlParameterValue(Types.VARCHAR, e.ip()));
		}
		this.jdbc.sql(sql.toString()).params(params).update();
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
		for (TrackingEvent e : firstPersonClick.values()) {
			this.jdbc.sql("""
					insert into tracking_event (tenant_id, email_id, kind, audience, inferred, occurred_at, user_agent, ip)
					select ?, ?, 'OPEN', 'PERSON', true, ?, ?, ?
					where not exists (select 1 from tracking_event where tenant_id = ? and email_id = ? and kind = 'OPEN'
					                  and audience = 'PERSON')""")
				.params(e.target().tenant().value(), e.target().emailId(), Timestamp.from(e.at()),
						new SqlParameterValue(Types.VARCHAR, e.userAgent()), new SqlParameterValue(Types.VARCHAR, e.ip()),
						e.target().tenant().value(), e.target().emailId())
				.update();
		}
	}

}
