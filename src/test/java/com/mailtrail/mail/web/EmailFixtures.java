package com.mailtrail.mail.web;

import java.util.UUID;

import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.support.ApiClient;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.TestTenants.TestTenant;
import com.mailtrail.support.TestTenants.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/** Mail for the email-page tests: written by hand as clients write it, delivered over SMTP to a user's Smart BCC. */
final class EmailFixtures {

	/** A 1×1 PNG. */
	static final String PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

	private final MailDelivery delivery;

	private final SmartBccAddresses addresses;

	EmailFixtures(MailDelivery delivery, SmartBccAddresses addresses) {
		this.delivery = delivery;
		this.addresses = addresses;
	}

	static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	static String messageId() {
		return UUID.randomUUID() + "@client.example";
	}

	/** Delivers the message to the user's Smart BCC address and waits until it is stored. */
	void deliver(TestTenant tenant, TestUser user, String message) {
		String bcc = tenant.as(() -> this.addresses.addressOf(user.id()));
		MailDelivery.Replies replies = this.delivery.send(user.email(), bcc, message);
		assertThat(replies.data()).as("DATA reply").startsWith("250");
		this.delivery.awaitProcessed();
	}

	/** The id of the one email with this subject that the API client's user can see. */
	static String idOf(ApiClient api, String subject) {
		var page = api.get("/api/v1/emails?q=" + java.net.URLEncoder.encode(subject, java.nio.charset.StandardCharsets.UTF_8)).json();
		assertThat(page.get("totalElements").asLong()).as("emails with subject %s", subject).isEqualTo(1);
		return page.get("items").get(0).get("id").asString();
	}

	static String plain(String from, String to, String subject, String body) {
		return MailDelivery.message(from, to, null, subject, messageId(), body);
	}

	/** A Gmail-style inline forward, by the user, of a message Pat sent. */
	static String gmailForward(String forwarder, String subject, String note, String originalBody) {
		return """
				From: %s
				To: crm@client.example
				Subject: Fwd: %s
				Date: Thu, 03 Dec 2026 11:00:00 +0000
				Message-ID: <%s>
				MIME-Version: 1.0
				Content-Type: text/plain; charset=UTF-8

				%s

				---------- Forwarded message ---------
				From: Pat Jones <pat.jones@globex.example>
				Date: Wed, Dec 2, 2026 at 9:15 AM
				Subject: %s
				To: Rep <%s>
				Cc: Sam Lee <sam.lee@globex.example>

				%s
				""".formatted(forwarder, subject, messageId(), note, subject, forwarder, originalBody);
	}

	/**
	 * An HTML message with everything a hostile sender might try: script, event handler, remote image, a cid:
	 * inline image, and an HTML attachment with a path and quotes in its name.
	 */
	static String hostileHtml(String from, String to, String subject, String marker) {
		return """
				From: %s
				To: %s
				Subject: %s
				Date: Thu, 03 Dec 2026 12:00:00 +0000
				Message-ID: <%s>
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="MIX"

				--MIX
				Content-Type: multipart/related; boundary="REL"

				--REL
				Content-Type: text/html; charset=UTF-8

				<html><head><script>alert('head')</script><style>body{background:url(https://tracker.example/css.gif)}</style></head>
				<body onload="alert('load')"><p id="marker">%s</p><script>alert('body')</script>
				<img src="https://tracker.example/pixel.gif?u=1" alt="tracker">
				<img src="cid:logo@acme" alt="logo">
				<a href="javascript:alert('link')">click</a> <a href="https://globex.example/offer">offer</a>
				</body></html>
				--REL
				Content-Type: image/png
				Content-Transfer-Encoding: base64
				Content-ID: <logo@acme>
				Content-Disposition: inline; filename="logo.png"

				%s
				--REL--
				--MIX
				Content-Type: text/html; charset=UTF-8; name="invoice.html"
				Content-Disposition: attachment; filename*=UTF-8''..%%2F..%%2Fr%%C3%%A9sum%%C3%%A9%%22%%3B%%0D%%0AX-Evil%%3A%%201.html

				<script>alert('attachment')</script>
				--MIX--
				""".formatted(from, to, subject, messageId(), marker, PNG_BASE64);
	}

}
