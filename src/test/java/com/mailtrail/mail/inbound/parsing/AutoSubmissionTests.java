package com.mailtrail.mail.inbound.parsing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Auto-replies and bounces, which must never create records or answers. */
class AutoSubmissionTests {

	private final MimeMessageParser parser = new MimeMessageParser();

	private ParsedEmail withHeader(String header) {
		return this.parser.parse(TestMessages.crlf("""
				From: Anna <anna@client.example>
				To: petra@seller.example
				Subject: Your message
				%s

				text
				""".formatted(header)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Auto-Submitted: auto-replied", "Auto-Submitted: auto-generated",
			"Precedence: bulk", "Precedence: auto_reply", "Precedence: junk", "X-Autoreply: yes",
			"X-Autorespond: Out of office" })
	void recognisesAutoReplyHeaders(String header) {
		assertThat(withHeader(header).autoSubmission()).isEqualTo(AutoSubmission.AUTO_REPLY);
	}

	@Test
	void autoSubmittedNoIsAPerson() {
		assertThat(withHeader("Auto-Submitted: no").autoSubmission()).isEqualTo(AutoSubmission.NONE);
		assertThat(withHeader("X-Mailer: Outlook").autoSubmission()).isEqualTo(AutoSubmission.NONE);
	}

	@Test
	void recognisesLocalisedAutomaticReplySubjects() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: Anna <anna@client.example>
				Subject: Automatische Antwort: Angebot

				Ich bin bis Montag nicht im Büro.
				"""));
		assertThat(parsed.autoSubmission()).isEqualTo(AutoSubmission.AUTO_REPLY);
	}

	@Test
	void readsTheOriginalMessageIdOfADeliveryStatusNotification() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: Mail Delivery System <MAILER-DAEMON@mx.client.example>
				To: petra@seller.example
				Subject: Undelivered Mail Returned to Sender
				Content-Type: multipart/report; report-type=delivery-status; boundary=r

				--r
				Content-Type: text/plain

				The mail system could not deliver your message.
				--r
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.client.example
				Original-Message-ID: <Offer-42@Seller.Example>

				Final-Recipient: rfc822; gone@client.example
				Action: failed
				Status: 5.1.1
				--r
				Content-Type: text/rfc822-headers

				From: petra@seller.example
				Message-ID: <other@seller.example>
				Subject: Offer
				--r--
				"""));
		assertThat(parsed.autoSubmission()).isEqualTo(AutoSubmission.BOUNCE);
		assertThat(parsed.bouncedMessageId()).isEqualTo("Offer-42@seller.example");
		assertThat(parsed.attachments()).extracting(ParsedAttachment::contentType)
			.containsExactly("message/delivery-status", "text/rfc822-headers");
	}

	@Test
	void readsTheOriginalMessageIdFromReturnedHeaders() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: postmaster@client.example
				Subject: Delivery failure
				Content-Type: multipart/report; report-type=delivery-status; boundary=r

				--r
				Content-Type: message/delivery-status

				Final-Recipient: rfc822; gone@client.example
				Action: failed
				--r
				Content-Type: text/rfc822-headers

				From: petra@seller.example
				Message-ID: <offer-43@seller.example>
				--r--
				"""));
		assertThat(parsed.bouncedMessageId()).isEqualTo("offer-43@seller.example");
	}

	@Test
	void recognisesAPlainTextBounceFromMailerDaemon() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: Mail Delivery Subsystem <mailer-daemon@googlemail.example>
				To: petra@seller.example
				Subject: Delivery Status Notification (Failure)
				X-Failed-Recipients: gone@client.example

				Delivery to the following recipient failed permanently:

				     gone@client.example

				----- Original message -----

				From: petra@seller.example
				Message-ID: <offer-44@seller.example>
				Subject: Offer
				"""));
		assertThat(parsed.autoSubmission()).isEqualTo(AutoSubmission.BOUNCE);
		assertThat(parsed.bouncedMessageId()).isEqualTo("offer-44@seller.example");
		assertThat(parsed.forwarded()).isNull();
	}

	@Test
	void aPersonWritingAboutDeliveryIsNoBounce() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: Anna <anna@client.example>
				Subject: Undeliverable pallets

				Two pallets could not be delivered.
				"""));
		assertThat(parsed.autoSubmission()).isEqualTo(AutoSubmission.NONE);
		assertThat(parsed.bouncedMessageId()).isNull();
	}

	@Test
	void recognisesABounceFromANullSenderByItsText() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				To: petra@seller.example
				Subject: Returned

				Your message could not be delivered to gone@client.example: 550 5.1.1 user unknown
				"""));
		assertThat(parsed.autoSubmission()).isEqualTo(AutoSubmission.BOUNCE);
	}

	@Test
	void aReadReceiptIsMachineMadeButNoBounce() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: Anna <anna@client.example>
				Subject: Read: Offer
				Content-Type: multipart/report; report-type=disposition-notification; boundary=r

				--r
				Content-Type: text/plain

				Your message was displayed.
				--r
				Content-Type: message/disposition-notification

				Final-Recipient: rfc822; anna@client.example
				Disposition: manual-action/MDN-sent-manually; displayed
				--r--
				"""));
		assertThat(parsed.autoSubmission()).isEqualTo(AutoSubmission.AUTO_REPLY);
		assertThat(parsed.bouncedMessageId()).isNull();
	}

}
