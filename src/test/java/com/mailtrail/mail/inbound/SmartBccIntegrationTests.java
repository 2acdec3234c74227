package com.mailtrail.mail.inbound;

import java.util.List;
import java.util.UUID;

import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.EmailShareRepository;
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

/** The Smart BCC listener as a mail server sees it, against the real database: every reply code of SPEC 3. */
@MailtrailIntegrationTest
class SmartBccIntegrationTests {

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
	EmailRepository emails;

	@Autowired
	EmailShareRepository shares;

	@Autowired
	JdbcClient jdbc;

	TestTenant acme;

	String repAddress;

	@BeforeEach
	void tenantWithAddress() {
		this.acme = this.tenants.create("Bcc Co");
		this.repAddress = this.acme.as(() -> this.addresses.addressOf(this.acme.rep().id()));
	}

	@Test
	void acceptsMailForAKnownAddressAndStoresItForItsUser() {
		String id = unique();
		var replies = this.mail.send(this.acme.rep().email(), this.repAddress,
				message(this.acme.rep().email(), "pat@customer.example", null, "Proposal", id, "Hello Pat"));
		assertThat(replies.rcpt()).containsExactly(replies.rcpt().get(0)).first().asString().startsWith("250");
		assertThat(replies.data()).startsWith("250");
		this.mail.awaitProcessed();
		var email = this.acme.as(() -> this.emails.findByDedupeKey("mid:" + id)).orElseThrow();
		assertThat(email.getOwnerId()).isEqualTo(this.acme.rep().id());
		assertThat(email.getSubject()).isEqualTo("Proposal");
	}

	@Test
	void rejectsUnknownAddressesAt550() {
		var replies = this.mail.send("someone@example.com",
				List.of("abcdefghijklmnop@bcc.localhost", "nobody@elsewhere.example", "short@bcc.localhost"),
				message("someone@example.com", "x@example.com", null, "Hi", unique(), "Hi"));
		assertThat(replies.rcpt()).allSatisfy(reply -> assertThat(reply).startsWith("550 5.1.1"));
		assertThat(replies.data()).as("no DATA without a recipient").isNull();
	}

	@Test
	void deactivatedUsersAddressIsRefused() {
		this.acme.as(() -> {
			this.administration.deactivate(this.acme.admin().id(), this.acme.rep().id());
			return null;
		});
		var replies = this.mail.send("x@example.com", this.repAddress,
				message("x@example.com", "y@example.com", null, "Hi", unique(), "Hi"));
		assertThat(replies.rcpt().get(0)).startsWith("550 5.1.1");
	}

	@Test
	void regeneratedAddressReplacesTheOldOneAtOnce() {
		String fresh = this.acme.as(() -> this.addresses.regenerate(this.acme.rep().id()));
		assertThat(fresh).isNotEqualTo(this.repAddress).endsWith("@bcc.localhost");
		var old = this.mail.send("x@example.com", this.repAddress, message("x@example.com", "y@e.com", null, "a", unique(), "a"));
		var now = this.mail.send("x@example.com", fresh, message("x@example.com", "y@e.com", null, "a", unique(), "a"));
		assertThat(old.rcpt().get(0)).startsWith("550 5.1.1");
		assertThat(now.data()).startsWith("250");
	}

	@Test
	void strictForwardingRefusesOtherSendersWith571AndAcceptsTheUsersOwnAddresses() {
		this.acme.as(() -> {
			this.preferences.change(this.acme.rep().id(), true, com.mailtrail.mail.LinkMode.AUTOMATIC, false);
			this.administration.addSecondaryEmail(this.acme.rep().id(), "rep.alias." + UUID.randomUUID() + "@other.example");
			return null;
		});
		String secondary = this.acme.as(() -> this.administration.get(this.acme.rep().id()).getSecondaryEmails().get(0).getEmail());

		var byEnvelope = this.mail.send("stranger@example.com", this.repAddress,
				message("stranger@example.com", "y@example.com", null, "Spam", unique(), "x"));
		assertThat(byEnvelope.rcpt().get(0)).startsWith("550 5.7.1");

		var byHeader = this.mail.send(this.acme.rep().email(), this.repAddress,
				message("Stranger <stranger@example.com>", "y@example.com", null, "Spoof", unique(), "x"));
		assertThat(byHeader.data()).startsWith("550 5.7.1");

		var own = this.mail.send(secondary.toUpperCase(), this.repAddress,
				message(secondary, "y@example.com", null, "Mine", unique(), "x"));
		assertThat(own.data()).startsWith("250");
	}

	@Test
	void rejectsMessagesOverTheSizeLimitWith552() {
		String big = "x".repeat(1000) + "\r\n";
		String body = big.repeat(2200);
		var replies = this.mail.send("x@example.com", this.repAddress,
				message("x@example.com", "y@example.com", null, "Big", unique(), body));
		assertThat(replies.data()).startsWith("552");
	}

	@Test
	void theSameMessageDeliveredTwiceIsStoredOnce() {
		String id = unique();
		String m = message("x@example.com", "pat@customer.example", null, "Twice", id, "Same");
		assertThat(this.mail.send("x@example.com", this.repAddress, m).data()).startsWith("250");
		assertThat(this.mail.send("x@example.com", this.repAddress, m).data()).startsWith("250");
		this.mail.awaitProcessed();
		assertThat(count("mid:" + id)).isEqualTo(1);
	}

	@Test
	void aMessageWithoutMessageIdIsDedupedByItsContent() {
		String m = message("x@example.com", "pat@customer.example", null, "No id " + unique(), null, "Same body");
		this.mail.send("x@example.com", this.repAddress, m);
		this.mail.send("x@example.com", this.repAddress, m);
		this.mail.awaitProcessed();
		Long stored = this.jdbc.sql("select count(*) from email where tenant_id = :t and dedupe_key like 'sha256:%'")
			.param("t", this.acme.id().value())
			.query(Long.class)
			.single();
		assertThat(stored).isEqualTo(1);
	}

	@Test
	void theSameMessageBccdByTwoUsersIsOneEmailSharedWithTheSecond() {
		String otherAddress = this.acme.as(() -> this.addresses.addressOf(this.acme.other().id()));
		String id = unique();
		var replies = this.mail.send("x@example.com", List.of(this.repAddress, otherAddress),
				message("x@example.com", "pat@customer.example", null, "Both", id, "Hi"));
		assertThat(replies.rcpt()).allSatisfy(r -> assertThat(r).startsWith("250"));
		assertThat(replies.data()).startsWith("250");
		this.mail.awaitProcessed();
		awaitShared(id);
		var email = this.acme.as(() -> this.emails.findByDedupeKey("mid:" + id)).orElseThrow();
		UUID secondUser = email.getOwnerId().equals(this.acme.rep().id()) ? this.acme.other().id() : this.acme.rep().id();
		assertThat(this.acme.as(() -> this.shares.existsByEmailIdAndUserId(email.getId(), secondUser))).isTrue();
	}

	@Test
	void aColleagueReusingAMessageIdGetsAnEmailOfTheirOwnNotAccessToTheOriginal() {
		String otherAddress = this.acme.as(() -> this.addresses.addressOf(this.acme.other().id()));
		String id = unique();
		this.mail.send("x@example.com", this.repAddress,
				message(this.acme.rep().email(), "pat@customer.example", null, "Private pricing", id, "Secret terms"));
		this.mail.send("x@example.com", otherAddress,
				message(this.acme.other().email(), "someone@example.com", null, "stub", id, "Give me that email"));
		this.mail.awaitProcessed();
		var original = this.acme.as(() -> this.emails.findByDedupeKey("mid:" + id)).orElseThrow();
		assertThat(original.getOwnerId()).isEqualTo(this.acme.rep().id());
		assertThat(this.acme.as(() -> this.shares.existsByEmailIdAndUserId(original.getId(), this.acme.other().id())))
			.isFalse();
		assertThat(this.acme.as(() -> this.emails.findVisible(original.getId(), this.acme.other().id()))).isEmpty();
		Long colleaguesOwn = this.jdbc.sql("select count(*) from email where tenant_id = :t and owner_id = :u and message_id = :m")
			.param("t", this.acme.id().value())
			.param("u", this.acme.other().id())
			.param("m", id)
			.query(Long.class)
			.single();
		assertThat(colleaguesOwn).isEqualTo(1);
	}

	@Test
	void oneTransactionForAddressesOfTwoTenantsGivesEachTenantItsCopy() {
		TestTenant other = this.tenants.create("Other Bcc Co");
		String otherAddress = other.as(() -> this.addresses.addressOf(other.rep().id()));
		String id = unique();
		var replies = this.mail.send("x@example.com", List.of(this.repAddress, otherAddress),
				message("x@example.com", "pat@customer.example", null, "Two tenants", id, "Hi"));
		assertThat(replies.data()).startsWith("250");
		this.mail.awaitProcessed();
		assertThat(this.acme.as(() -> this.emails.findByDedupeKey("mid:" + id))).get()
			.extracting(e -> e.getOwnerId())
			.isEqualTo(this.acme.rep().id());
		assertThat(other.as(() -> this.emails.findByDedupeKey("mid:" + id))).get()
			.extracting(e -> e.getOwnerId())
			.isEqualTo(other.rep().id());
	}

	@Test
	void storageFailureAnswers451AndTheRetrySucceeds() {
		String id = unique();
		// The envelope sender marks the message: its stored bytes may be compressed, so the trigger cannot look in them.
		String marker = "fail-storage-" + UUID.randomUUID() + "@example.com";
		String m = message("x@example.com", "pat@customer.example", null, "Retry me", id, "Hi");
		// A trigger that refuses just this message stands in for the database failing at the worst moment: after the
		// listener has read the whole message, while it commits.
		this.mail.awaitProcessed();
		this.jdbc.sql("set lock_timeout = '5s'").update();
		this.jdbc.sql("""
				create or replace function refuse_marked_message() returns trigger language plpgsql as $$
				begin
				    if new.envelope_from = '%s' then
				        raise exception 'storage unavailable';
				    end if;
				    return new;
				end;
				$$""".formatted(marker)).update();
		this.jdbc.sql("create trigger refuse_marked_message before insert on inbound_message "
				+ "for each row execute function refuse_marked_message()").update();
		try {
			var failed = this.mail.send(marker, this.repAddress, m);
			assertThat(failed.data()).startsWith("451 4.3.0");
		}
		finally {
			this.jdbc.sql("drop trigger refuse_marked_message on inbound_message").update();
			this.jdbc.sql("drop function refuse_marked_message()").update();
		}
		assertThat(this.jdbc.sql("select count(*) from inbound_message where envelope_from = :marker")
			.param("marker", marker)
			.query(Long.class)
			.single()).as("nothing partial remains").isZero();
		var retried = this.mail.send(marker, this.repAddress, m);
		assertThat(retried.data()).startsWith("250");
		this.mail.awaitProcessed();
		assertThat(count("mid:" + id)).isEqualTo(1);
	}

	@Test
	void unreadableMessageIsAcceptedKeptRawAndFlagged() {
		byte[] garbage = new byte[600];
		new java.util.Random(7).nextBytes(garbage);
		String noise = new String(garbage, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\r", "").replace("\n.", "\n_");
		var replies = this.mail.send("x@example.com", this.repAddress, noise);
		assertThat(replies.data()).startsWith("250");
		this.mail.awaitProcessed();
		Long flagged = this.jdbc.sql("select count(*) from email where tenant_id = :t and unreadable and inbound_message_id is not null")
			.param("t", this.acme.id().value())
			.query(Long.class)
			.single();
		assertThat(flagged).isEqualTo(1);
	}

	private long count(String dedupeKey) {
		return this.jdbc.sql("select count(*) from email where tenant_id = :t and dedupe_key = :k")
			.param("t", this.acme.id().value())
			.param("k", dedupeKey)
			.query(Long.class)
			.single();
	}

	@Test
	void regeneratingRetiresTheCachedAddressAtOnce() {
		useAddressSoItsRouteIsCached();
		String fresh = this.acme.as(() -> this.addresses.regenerate(this.acme.rep().id()));
		assertThat(deliver("x@example.com", "x@example.com").rcpt().get(0)).startsWith("550 5.1.1");
		assertThat(this.mail.send("x@example.com", fresh, message("x@example.com", "y@example.com", null, "New", unique(), "x"))
			.data()).startsWith("250");
	}

	@Test
	void deactivationRefusesTheCachedAddressAtOnceAndReactivationRestoresIt() {
		useAddressSoItsRouteIsCached();
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
	void strictForwardingAndNewSecondaryAddressesApplyAtOnceToACachedAddress() {
		useAddressSoItsRouteIsCached();
		this.acme.as(() -> {
			this.preferences.change(this.acme.rep().id(), true, com.mailtrail.mail.LinkMode.AUTOMATIC, false);
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
		useAddressSoItsRouteIsCached();
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

	/** RCPT TO answers from a cache of routes: the tests of changes to a cached route use the address first. */
	private void useAddressSoItsRouteIsCached() {
		assertThat(deliver("stranger@example.com", "stranger@example.com").data()).startsWith("250");
	}

	private MailDelivery.Replies deliver(String envelopeFrom, String headerFrom) {
		return this.mail.send(envelopeFrom, this.repAddress,
				message(headerFrom, "pat@customer.example", null, "Hello", unique(), "Hello"));
	}

	/** The second copy may have raced the first and be waiting for its retry. */
	private void awaitShared(String id) {
		for (int i = 0; i < 300; i++) {
			Long shared = this.jdbc.sql("""
					select count(*) from email_share s join email e on e.id = s.email_id
					where e.tenant_id = :t and e.dedupe_key = :k""")
				.param("t", this.acme.id().value())
				.param("k", "mid:" + id)
				.query(Long.class)
				.single();
			if (shared > 0) {
				return;
			}
			this.jdbc.sql("update inbound_message set next_attempt_at = now() where status = 'RECEIVED'").update();
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static String unique() {
		return UUID.randomUUID() + "@test.example";
	}

}
