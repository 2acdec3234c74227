package com.mailtrail.mail.settings;

import java.util.Map;
import java.util.regex.Pattern;

import com.mailtrail.support.ApiClient;
import com.mailtrail.support.HttpSession;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.mailtrail.support.MailDelivery.message;
import static org.assertj.core.api.Assertions.assertThat;

@MailtrailIntegrationTest
class EmailSettingsIntegrationTests {

	private static final Pattern ADDRESS = Pattern.compile("id=\"bcc-address\"[^>]*value=\"([a-z2-7]{16}@bcc\\.localhost)\"");

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	MailDelivery mail;

	@Test
	void smtpAndBccTabShowsTheAddressTheApiReturnsAndRegeneratingRetiresIt() {
		var acme = this.tenants.create("Settings Co");
		var session = new HttpSession(this.port).login(acme.rep().email(), TestTenants.PASSWORD);
		String shown = address(session.get("/settings/email").body());
		assertThat(ApiClient.login(this.port, acme.rep().email(), TestTenants.PASSWORD).get("/api/v1/me").json()
			.get("bccAddress").asString()).isEqualTo(shown);

		var regenerated = session.post("/settings/email/bcc/regenerate", Map.of());
		String page = session.get(regenerated.location()).body();
		String fresh = address(page);
		assertThat(fresh).isNotEqualTo(shown);
		assertThat(page).contains("The old one no longer accepts mail.");

		String m = message("x@example.com", "y@example.com", null, "Hi", java.util.UUID.randomUUID() + "@t", "Hi");
		assertThat(this.mail.send("x@example.com", shown, m).rcpt().get(0)).startsWith("550 5.1.1");
		assertThat(this.mail.send("x@example.com", fresh, m).data()).startsWith("250");
	}

	@Test
	void strictForwardingSwitchOnThePageRefusesStrangers() {
		var acme = this.tenants.create("Strict Co");
		var session = new HttpSession(this.port).login(acme.rep().email(), TestTenants.PASSWORD);
		String address = address(session.get("/settings/email").body());
		session.post("/settings/email/bcc/strict-forwarding", Map.of("strict", "true"));
		assertThat(session.get("/settings/email").body()).contains("Strict forwarding is on").contains("checked");

		String m = message("stranger@example.com", "y@example.com", null, "Hi", java.util.UUID.randomUUID() + "@t", "x");
		assertThat(this.mail.send("stranger@example.com", address, m).rcpt().get(0)).startsWith("550 5.7.1");
		assertThat(this.mail.send(acme.rep().email(), address,
				message(acme.rep().email(), "y@example.com", null, "Mine", java.util.UUID.randomUUID() + "@t", "x"))
			.data()).startsWith("250");
	}

	@Test
	void emailPreferenceTabSavesTheLinkingChoices() {
		var acme = this.tenants.create("Preference Co");
		var session = new HttpSession(this.port).login(acme.rep().email(), TestTenants.PASSWORD);
		assertThat(session.get("/settings/email/preferences").body()).contains("id=\"link-auto\" value=\"AUTOMATIC\" checked");
		session.post("/settings/email/preferences", Map.of("linkMode", "MANUAL", "createUnknownContacts", "true"));
		String page = session.get("/settings/email/preferences").body();
		assertThat(page).contains("Email preferences saved.")
			.contains("id=\"link-manual\" value=\"MANUAL\" checked")
			.contains("id=\"create-contacts\" value=\"true\" checked");
	}

	private static String address(String page) {
		var matcher = ADDRESS.matcher(page);
		assertThat(matcher.find()).as("the page shows a Smart BCC address").isTrue();
		return matcher.group(1);
	}

}
