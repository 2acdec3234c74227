package com.mailtrail.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.mail.outbound.OutgoingHtml;
import com.mailtrail.mail.outbound.OutgoingHtmlRewriter;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.TestTenants.TestTenant;
import com.mailtrail.support.TestTenants.TestUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracked emails for the tests. No sender exists on this branch, so an email the user BCC'd to Mailtrail stands for
 * the email being sent, and the test calls every {@link OutgoingHtmlRewriter} the way the sender will: with the
 * tenant bound.
 */
final class TrackingFixtures {

	static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/131.0.0.0 Safari/537.36";

	static final String APPLE_MAIL = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko)";

	private final MailDelivery delivery;

	private final SmartBccAddresses addresses;

	private final EmailRepository emails;

	private final List<OutgoingHtmlRewriter> rewriters;

	private final JdbcClient jdbc;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	TrackingFixtures(MailDelivery delivery, SmartBccAddresses addresses, EmailRepository emails,
			List<OutgoingHtmlRewriter> rewriters, JdbcClient jdbc, int port) {
		this.delivery = delivery;
		this.addresses = addresses;
		this.emails = emails;
		this.rewriters = rewriters;
		this.jdbc = jdbc;
		this.port = port;
	}

	/** An email the user wrote to a customer, stored in Mailtrail; returns its id. */
	UUID email(TestTenant tenant, TestUser user, String subject) {
		String messageId = UUID.randomUUID() + "@client.example";
		String bcc = tenant.as(() -> this.addresses.addressOf(user.id()));
		MailDelivery.Replies replies = this.delivery.send(user.email(), bcc, MailDelivery.message(user.email(),
				"Pat Jones <pat.jones@globex.example>", null, subject, messageId, "Hello Pat"));
		assertThat(replies.data()).startsWith("250");
		this.delivery.awaitProcessed();
		return tenant.as(() -> this.emails.findByDedupeKey("mid:" + messageId).orElseThrow().getId());
	}

	/** What the sender will do at send time. */
	String send(TestTenant tenant, UUID emailId, UUID ownerId, boolean tracked, String html) {
		return tenant.as(() -> {
			String result = html;
			for (OutgoingHtmlRewriter rewriter : this.rewriters) {
				result = rewriter.rewrite(new OutgoingHtml(emailId, ownerId, tracked, result));
			}
			return result;
		});
	}

	/** Pretends the email went out an hour ago, past the window in which clicks count as a scanner's. */
	void sentAnHourAgo(UUID emailId) {
		this.jdbc.sql("update tracked_email set created_at = now() - interval '1 hour' where email_id = ?")
			.param(emailId)
			.update();
	}

	static Document parse(String html) {
		return Jsoup.parse(html);
	}

	/** The path of a tracking URL, to be fetched on the test's own port. */
	static String path(String url) {
		return URI.create(url).getRawPath();
	}

	HttpResponse<byte[]> get(String path, Map<String, String> headers) {
		return send("GET", path, headers);
	}

	HttpResponse<byte[]> send(String method, String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.timeout(Duration.ofSeconds(30));
		headers.forEach(request::header);
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	List<Map<String, Object>> events(UUID emailId) {
		return this.jdbc.sql("""
				select e.kind, e.audience, e.inferred, e.user_agent, e.ip, e.tenant_id, l.url
				from tracking_event e left join tracked_link l on l.id = e.link_id
				where e.email_id = ? order by e.id""")
			.param(emailId)
			.query()
			.listOfRows();
	}

	long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	/** Waits (generously: the writer commits within milliseconds) until the value reaches at least {@code expected}. */
	static void awaitAtLeast(long expected, LongSupplier value) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (value.getAsLong() < expected && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		assertThat(value.getAsLong()).isGreaterThanOrEqualTo(expected);
	}

}
