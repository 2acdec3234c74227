package com.mailtrail.mail;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.mailtrail.mail.SmartBccRouteQueries.Route;
import com.mailtrail.platform.DatabaseNotifications;
import com.mailtrail.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmartBccRouteCacheTests {

	private final SmartBccRouteCache cache = new SmartBccRouteCache(new DatabaseNotifications(null));

	private final Route route = new Route(TenantId.of(UUID.randomUUID()), UUID.randomUUID(), false,
			Set.of("rep@acme.example"));

	private final AtomicInteger lookups = new AtomicInteger();

	private Optional<Route> lookUp(String token) {
		this.lookups.incrementAndGet();
		return token.equals("known") ? Optional.of(this.route) : Optional.empty();
	}

	@Test
	void whileListeningAKnownRouteIsLookedUpOnce() {
		this.cache.listening();
		assertThat(this.cache.find("known", this::lookUp)).contains(this.route);
		assertThat(this.cache.find("known", this::lookUp)).contains(this.route);
		assertThat(this.lookups).hasValue(1);
	}

	@Test
	void unknownTokensAreAskedEveryTimeSoThatANewAddressWorksAtOnce() {
		this.cache.listening();
		assertThat(this.cache.find("unknown", this::lookUp)).isEmpty();
		assertThat(this.cache.find("unknown", this::lookUp)).isEmpty();
		assertThat(this.lookups).hasValue(2);
	}

	@Test
	void aNotificationEmptiesTheCache() {
		this.cache.listening();
		this.cache.find("known", this::lookUp);
		this.cache.notified("");
		this.cache.find("known", this::lookUp);
		assertThat(this.lookups).hasValue(2);
	}

	@Test
	void withNobodyListeningEveryLookupGoesToTheDatabase() {
		this.cache.find("known", this::lookUp);
		this.cache.find("known", this::lookUp);
		this.cache.listening();
		this.cache.find("known", this::lookUp);
		this.cache.deaf();
		this.cache.find("known", this::lookUp);
		assertThat(this.lookups).hasValue(4);
	}

	@Test
	void aLookupThatRacedAChangeDoesNotKeepWhatItReadBefore() {
		this.cache.listening();
		// The change commits and is notified while the lookup is on its way back with the old row.
		this.cache.find("known", token -> {
			this.cache.notified("");
			return lookUp(token);
		});
		this.cache.find("known", this::lookUp);
		assertThat(this.lookups).hasValue(2);
	}

	@Test
	void aChangeThisInstanceCommitsOutsideATransactionIsForgottenAtOnce() {
		this.cache.listening();
		this.cache.find("known", this::lookUp);
		this.cache.forgetAfterCommit();
		this.cache.find("known", this::lookUp);
		assertThat(this.lookups).hasValue(2);
	}

}
