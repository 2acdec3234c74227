package com.mailtrail.mail.web;

import java.util.Optional;
import java.util.UUID;

import com.mailtrail.mail.inbound.RawMessageCodec;
import com.mailtrail.tenancy.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The original bytes of a received message, which live outside Hibernate in the inbound table. */
@Component
class RawMessageQueries {

	private final JdbcClient jdbc;

	RawMessageQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The raw message of this tenant; the caller has checked that the viewer may see the email it became. */
	Optional<byte[]> raw(TenantId tenant, UUID inboundMessageId) {
		return this.jdbc.sql("""
				select raw, raw_encoding, raw_size from inbound_message where id = :id and tenant_id = :tenant""")
			.param("id", inboundMessageId)
			.param("tenant", tenant.value())
			.query((rs, n) -> RawMessageCodec.decode(rs.getBytes("raw"), rs.getString("raw_encoding"),
					rs.getInt("raw_size")))
			.optional();
	}

}
