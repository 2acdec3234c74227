package com.mailtrail.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.mail.outbound.OutgoingHtmlRewriter;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.mailtrail.tracking.TrackingFixtures.CHROME;
import static com.mailtrail.tracking.TrackingFixtures.awaitAtLeast;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batching writer on its own, against the real database: writers of their own with chosen lingers, fed from
 * many threads at once, so that what a batch of any size writes can be counted.
 */
@MailtrailIntegrationTest
class TrackingEventWriterIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	MailDelivery delivery;

	@Autowired
	SmartBccAddresses addresses;

	@Autowired
	EmailRepository emails;

	@Autowired
	List<OutgoingHtmlRewriter> rewriters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TrackingEventQueries queries;

	@Autowired
	TrackingNotifier notifier;

	@Autowired
	TrackingTargets targets;

	TrackingFixtures fixtures;

	TestTenant acme;

	@BeforeEach
	void setUp() {
		this.fixtures = new TrackingFixtures(this.delivery, this.addresses, this.emails, this.rewriters, this.jdbc,
				this.port);
		this.acme = this.tenants.create("Writer Co");
	}

	@Test
	void everyEventFromManyThreadsIsWrittenInLingeringBatches() throws Exception {
		TrackedEmailQueries.Target open = openTarget("Many");
		TrackingEventWriter writer = new TrackingEventWriter(this.queries, this.notifier, Duration.ofMillis(50));
		writer.start();
		try {
			recordConcurrently(writer, open, 8, 500);
			awaitAtLeast(4000, () -> count(open.emailId()));
			assertThat(count(open.emailId())).isEqualTo(4000);
		}
		finally {
			writer.stop();
		}
	}

	@Test
	void stoppingDrainsTheQueueAtOnceInsteadOfLingering() throws Exception {
		TrackedEmailQueries.Target open = openTarget("Drain");
		TrackingEventWriter writer = new TrackingEventWriter(this.queries, this.notifier, Duration.ofSeconds(20));
		writer.start();
		recordConcurrently(writer, open, 4, 2500);
		long before = System.nanoTime();
		writer.stop();
		assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
		assertThat(writer.pending()).isZero();
		assertThat(count(open.emailId())).isEqualTo(10_000);
	}

	@Test
	void aBatchOfClicksImpliesOneOpenPerEmailOnlyWhereNoPersonOpenedYet() {
		TrackedEmailQueries.Target first = clickTarget("First");
		TrackedEmailQueries.Target opened = clickTarget("Opened");
		TrackingEventWriter writer = new TrackingEventWriter(this.queries, this.notifier, Duration.ofSeconds(20));
		writer.start();
		Instant now = Instant.now();
		for (int i = 0; i < 3; i++) {
			writer.record(event(first, TrackingEvent.Kind.CLICK, now));
			writer.record(event(opened, TrackingEvent.Kind.CLICK, now));
		}
		writer.record(event(open(opened), TrackingEvent.Kind.OPEN, now));
		writer.stop(); // all in one batch: the open of the second email is written with its clicks

		assertThat(this.fixtures.count("select count(*) from tracking_event where email_id = ? and kind = 'OPEN' "
				+ "and inferred", first.emailId())).isEqualTo(1);
		assertThat(this.fixtures.count("select count(*) from tracking_event where email_id = ? and kind = 'OPEN' "
				+ "and inferred", opened.emailId())).isZero();
		assertThat(this.fixtures.count("select count(*) from tracking_event where email_id = ? and kind = 'CLICK'",
				first.emailId())).isEqualTo(3);
	}

	private void recordConcurrently(TrackingEventWriter writer, TrackedEmailQueries.Target target, int threads,
			int each) throws InterruptedException {
		List<Thread> started = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread thread = new Thread(() -> {
				for (int i = 0; i < each; i++) {
					writer.record(event(target, TrackingEvent.Kind.OPEN, Instant.now()));
				}
			});
			thread.start();
			started.add(thread);
		}
		for (Thread thread : started) {
			thread.join();
		}
	}

	private static TrackingEvent event(TrackedEmailQueries.Target target, TrackingEvent.Kind kind, Instant at) {
		return new TrackingEvent(target, kind, Audience.PERSON, at, CHROME, "192.0.2.0", false);
	}

	private TrackedEmailQueries.Target openTarget(String subject) {
		UUID email = this.fixtures.email(this.acme, this.acme.rep(), subject);
		String sent = this.fixtures.send(this.acme, email, this.acme.rep().id(), true, "<p>Hello</p>");
		String pixel = TrackingFixtures.path(TrackingFixtures.parse(sent).select("img").last().attr("src"));
		return this.targets.open(pixel.substring(pixel.lastIndexOf('/') + 1)).orElseThrow();
	}

	private TrackedEmailQueries.Target clickTarget(String subject) {
		UUID email = this.fixtures.email(this.acme, this.acme.rep(), subject);
		String sent = this.fixtures.send(this.acme, email, this.acme.rep().id(), true,
				"<a href=\"https://example.com/" + subject + "\">link</a>");
		this.fixtures.sentAnHourAgo(email);
		String click = TrackingFixtures.path(TrackingFixtures.parse(sent).select("a").first().attr("href"));
		return this.targets.click(click.substring(click.lastIndexOf('/') + 1)).orElseThrow();
	}

	/** The open target of the email a click target belongs to. */
	private static TrackedEmailQueries.Target open(TrackedEmailQueries.Target click) {
		return new TrackedEmailQueries.Target(click.tenant(), click.emailId(), click.ownerId(), click.sentAt(),
				click.subject(), click.recipients(), null, null);
	}

	private long count(UUID emailId) {
		return this.fixtures.count("select count(*) from tracking_event where email_id = ?", emailId);
	}

}
