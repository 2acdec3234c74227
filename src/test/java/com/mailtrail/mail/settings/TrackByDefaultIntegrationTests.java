package com.mailtrail.mail.settings;

import java.util.Map;

import com.mailtrail.mail.MailPreferences;
import com.mailtrail.support.HttpSession;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** "Track opens and clicks" is on by default and switched off under Email Preference; compose reads the default. */
@MailtrailIntegrationTest
class TrackByDefaultIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	MailPreferences preferences;

	@Test
	void trackingIsOnByDefaultAndTheUserCanSwitchItOff() {
		var tenant = this.tenants.create("Prefs Co");
		assertThat(tenant.as(() -> this.preferences.trackByDefault(tenant.rep().id()))).isTrue();

		HttpSession rep = new HttpSession(this.port).login(tenant.rep().email(), TestTenants.PASSWORD);
		assertThat(rep.get("/settings/email/preferences").body()).contains("id=\"track-by-default\"")
			.containsPattern("id=\"track-by-default\"[^>]*checked");
		rep.post("/settings/email/preferences", Map.of("linkMode", "AUTOMATIC"));
		assertThat(tenant.as(() -> this.preferences.trackByDefault(tenant.rep().id()))).isFalse();
		assertThat(tenant.as(() -> this.preferences.trackByDefault(tenant.other().id()))).as("others unchanged").isTrue();

		rep.get("/settings/email/preferences");
		rep.post("/settings/email/preferences", Map.of("linkMode", "AUTOMATIC", "trackByDefault", "true"));
		assertThat(tenant.as(() -> this.preferences.trackByDefault(tenant.rep().id()))).isTrue();
	}

}
