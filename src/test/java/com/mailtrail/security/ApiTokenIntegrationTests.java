package com.mailtrail.security;

import java.util.Map;
import java.util.regex.Pattern;

import com.mailtrail.support.ApiClient;
import com.mailtrail.support.HttpSession;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@MailtrailIntegrationTest
class ApiTokenIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Test
	void tokenCreatedOnTheSettingsPageWorksOnceShownAndStopsWhenRevoked() {
		var acme = this.tenants.create("Token Co");
		var session = new HttpSession(this.port).login(acme.rep().email(), TestTenants.PASSWORD);
		session.get("/account/tokens");
		var created = session.post("/account/tokens", Map.of("name", "Reporting script"));
		var page = session.get(created.location());
		var matcher = Pattern.compile("id=\"new-token\"[^>]*value=\"(mt_[A-Za-z0-9_-]+)\"").matcher(page.body());
		assertThat(matcher.find()).as("the new token is shown once").isTrue();
		String token = matcher.group(1);

		assertThat(new ApiClient(this.port, token).get("/api/v1/me").json().get("email").asString())
			.isEqualTo(acme.rep().email());
		var list = session.get("/account/tokens").body();
		assertThat(list).contains("Reporting script").doesNotContain(token);

		var revokeMatcher = Pattern.compile("action=\"(/account/tokens/[0-9a-f-]+/revoke)\"").matcher(list);
		assertThat(revokeMatcher.find()).isTrue();
		session.post(revokeMatcher.group(1), Map.of());
		assertThat(new ApiClient(this.port, token).get("/api/v1/me").status()).isEqualTo(401);
	}

}
