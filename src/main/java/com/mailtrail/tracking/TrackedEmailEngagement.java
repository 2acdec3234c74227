package com.mailtrail.tracking;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.mailtrail.mail.EmailEngagement;
import com.mailtrail.tenancy.TenantContext;

import org.springframework.stereotype.Component;

/**
 * Opens and clicks for the email pages. The pages ask only about emails their visibility query let through, so
 * whoever may see an email sees its tracking, and nobody else.
 */
@Component
class TrackedEmailEngagement implements EmailEngagement {

	private final TrackingReportQueries queries;

	TrackedEmailEngagement(TrackingReportQueries queries) {
		this.queries = queries;
	}

	@Override
	public Map<UUID, Markers> markers(Collection<UUID> emailIds) {
		return this.queries.markers(TenantContext.required(), emailIds);
	}

	@Override
	public Optional<Activity> activity(UUID emailId) {
		var tenant = TenantContext.required();
		if (!this.queries.tracked(tenant, emailId)) {
			return Optional.empty();
		}
		long[] counts = this.queries.counts(tenant, emailId);
		return Optional.of(new Activity(counts[0], counts[1], counts[2], this.queries.events(tenant, emailId)));
	}

}
