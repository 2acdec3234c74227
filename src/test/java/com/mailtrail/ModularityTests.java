package com.mailtrail;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(MailtrailApplication.class);

	@Test
	void modulesDependOnEachOtherWithoutCyclesAndOnlyThroughTheirApi() {
		this.modules.verify();
	}

}
