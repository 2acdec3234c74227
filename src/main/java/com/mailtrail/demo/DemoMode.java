package com.mailtrail.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Whether this instance runs the demo: as configured, else on the embedded default only. */
@Component
class DemoMode {

	private final boolean enabled;

	DemoMode(DemoSettings settings, ObjectProvider<EmbeddedPostgres> embedded) {
		this.enabled = settings.enabled() != null ? settings.enabled() : embedded.getIfAvailable() != null;
	}

	boolean enabled() {
		return this.enabled;
	}

}
