package com.mailtrail.mail.inbound;

import java.util.UUID;

import com.mailtrail.mail.LinkMode;
import com.mailtrail.mail.MailPreferences;
import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.security.UserAdministration;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.mailtrail.support.MailDelivery.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RCPT TO answers from a cache of routes: every change to what an address answers must still take effect at once,
 * although the listener has just used that address. Each test delivers once first, so the route is cached.
 */
@MailtrailIntegrationTest
class SmartBccRouteCacheIntegrationTests {

	@Autowired
	MailDelivery mail;

	@Autowired
	TestTenants tenants;

	@Autowired
	SmartBccAddresses addresses;

	@Autowired
	MailPreferences preferences;

	@Autowired
	UserAdministration administration;

	@Autowired
	JdbcClient jdbc;

	TestTenant acme;

	String repAddress;

	@BeforeEach
	void addressInUse() {
		this.acme = this.tenants.create("Route Cache Co");
		this.repAddress = this.acme.as(() -> this.addresses.addressOf(this.acme.rep().id()));
		assertThat(deliver("stranger@example.com", "stranger@example.com").data()).startsWith("250");
	}

	@Test
	void regeneratingRetiresTheCachedAddressAtOnce() {
		String fresh = this.acme.as(() -> this.addresses.regenerate(this.acme.rep().id()));
		assertThat(deliver("x@example.com", "x@example.com").rcpt().get(0)).startsWith("550 5.1.1");
		assertThat(this.mail.send("x@example.com", fresh, message("x@example.com", "y@example.com", null, "New", unique(), "x"))
			.data()).startsWith("250");
	}

	@Test
	void deactivationRefusesTheCachedAddressAtOnceAndReactivationRestoresIt() {
		this.acme.as(() -> {
			this.administration.deactivate(this.acme.admin().id(), this.acme.rep().id());
			return null;
		});
		assertThat(deliver("x@example.com", "x@example.com").rcpt().get(0)).startsWith("550 5.1.1");
		this.acme.as(() -> {
			this.administration.activate(this.acme.rep().id());
			return null;
		});
		assertThat(deliver("x@example.com", "x@example.com").data()).startsWith("250");
	}

	@Test
	void strictForwardingAndNewSecondaryAddressesApplyAtOnce() {
		this.acme.as(() -> {
			this.preferences.change(this.acme.rep().id(), true, LinkMode.AUTOMATIC, false);
			return null;
		});
		assertThat(deliver("stranger@example.com", "stranger@example.com").rcpt().get(0)).startsWith("550 5.7.1");

		String alias = "alias." + UUID.randomUUID() + "@other.example";
		this.acme.as(() -> {
			this.administration.addSecondaryEmail(this.acme.rep().id(), alias);
			return null;
		});
		assertThat(deliver(alias, alias).data()).startsWith("250");
	}

	@Test
	void aChangeMadeElsewhereReachesTheListenerThroughTheDatabase() throws InterruptedException {
		// What another instance, or an operator with SQL, would do: no code path of this instance is involved.
		this.jdbc.sql("update user_account set active = false where id = :id")
			.param("id", this.acme.rep().id())
			.update();
		String reply = "";
		for (int i = 0; i < 100 && !reply.startsWith("550"); i++) {
			reply = deliver("x@example.com", "x@example.com").rcpt().get(0);
			Thread.sleep(50);
		}
		assertThat(reply).as("the notification emptied the cache within five seconds").startsWith("550 5.1.1");
	}

	private MailDelivery.Replies deliver(String envelopeFrom, String headerFrom) {
		return this.mail.send(envelopeFrom, this.repAddress,
				message(headerFrom, "pat@customer.example", null, "Hello", unique(), "Hello"));
	}

	private static String unique() {
		return UUID.randomUUID() + "@test.example";
	}

}
