package com.mailtrail.mail.inbound.parsing;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Forwards that carry the original as an attached message/rfc822 part. */
class ForwardAsAttachmentTests {

	private final MimeMessageParser parser = new MimeMessageParser();

	private static final String ATTACHED_FORWARD = """
			From: Petra Vogel <petra@seller.example>
			To: track-7f3a@in.mailtrail.example
			Subject: %s
			Message-ID: <outer@seller.example>
			Content-Type: multipart/mixed; boundary=fwd

			--fwd
			Content-Type: text/plain

			%s
			--fwd
			Content-Type: message/rfc822; name="ForwardedMessage.eml"

			From original@client.example Mon Oct  7 09:00:00 2024
			Return-Path: <original@client.example>
			Message-ID: <original-1@client.example>
			Date: Mon, 7 Oct 2024 09:00:00 +0200
			From: Olga Orig <original@client.example>
			To: Petra Vogel <petra@seller.example>, Buyer <buyer@client.example>
			Cc: Boss <boss@client.example>
			Subject: Purchase order
			Content-Type: multipart/mixed; boundary=inner

			--inner
			Content-Type: text/plain

			Here is our order.
			--inner
			Content-Type: application/pdf; name=po.pdf

			pdf
			--inner--
			--fwd--
			""";

	@Test
	void takesTheOriginalFromTheAttachedMessage() {
		ParsedEmail parsed = this.parser
			.parse(TestMessages.crlf(ATTACHED_FORWARD.formatted("Fwd: Purchase order", "Please log.")));
		ForwardedMessage original = parsed.forwarded();
		assertThat(original.kind()).isEqualTo(ForwardedMessage.Kind.ATTACHED);
		assertThat(original.from()).isEqualTo(new EmailParticipant("Olga Orig", "original@client.example"));
		assertThat(original.to()).extracting(EmailParticipant::address)
			.containsExactly("petra@seller.example", "buyer@client.example");
		assertThat(original.cc()).extracting(EmailParticipant::address).containsExactly("boss@client.example");
		assertThat(original.subject()).isEqualTo("Purchase order");
		assertThat(original.parsedDate()).isEqualTo(Instant.parse("2024-10-07T07:00:00Z"));
		assertThat(original.date()).isEqualTo("Mon, 7 Oct 2024 09:00:00 +0200");
		assertThat(original.messageId()).isEqualTo("original-1@client.example");
		assertThat(original.note()).isEqualTo("Please log.");
		assertThat(parsed.attachments()).as("the attached message counts once").hasSize(1);
		assertThat(parsed.people(Set.of("petra@seller.example", "track-7f3a@in.mailtrail.example")))
			.extracting(EmailParticipant::address)
			.containsExactly("original@client.example", "buyer@client.example", "boss@client.example");
	}

	@Test
	void aShortCoverNoteMakesItAForwardWithoutForwardSubject() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf(ATTACHED_FORWARD.formatted("Wow", "Hello")));
		assertThat(parsed.forwarded()).isNotNull();
		assertThat(parsed.forwarded().from().address()).isEqualTo("original@client.example");
	}

	@Test
	void readsHeaderOnlyAttachedMessagesWhoseHeaderBlockWasBrokenByABlankLine() {
		ParsedEmail parsed = this.parser.parse(TestMessages.lf("""
				From: Petra Vogel <petra@seller.example>
				Subject: Fwd: three mails
				Content-Type: multipart/mixed; boundary="b"

				--b
				Content-Type: text/plain

				see attached
				--b
				Content-Type: message/rfc822; name=one.txt
				Content-Disposition: attachment; filename=one.txt

				Received: from relay.example
				(using TLSv1.3)
				by mx.example; Mon, 7 Oct 2024 09:00:00 +0000

				To: Petra <petra@seller.example>
				Subject: first
				From: Sales Team <sales@vendor.example>
				--b
				Content-Type: message/rfc822; name=two.txt

				From: Office <office@vendor.example>
				Subject: second
				--b--
				"""));
		assertThat(parsed.attachments()).hasSize(2);
		assertThat(parsed.forwardedMessages()).extracting((f) -> f.from().address())
			.containsExactly("sales@vendor.example", "office@vendor.example");
	}

	@Test
	void anEmptyAttachedMessageGivesNoOriginal() {
		ParsedEmail parsed = this.parser.parse(TestMessages.lf("""
				From: a@example.com
				Subject: Fwd: photos
				Content-Type: multipart/mixed; boundary=b

				--b
				Content-Type: text/plain

				Note: forwarded message attached.
				--b
				Content-Type: message/rfc822

				--b--
				--b--
				"""));
		assertThat(parsed.forwarded()).isNull();
		assertThat(parsed.attachments()).hasSize(1);
	}

	@Test
	void aReturnedMessageInABounceIsNotAForward() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: Mail Delivery System <MAILER-DAEMON@mx.example>
				Subject: Fwd: looks like a forward but is a bounce
				Content-Type: multipart/report; report-type=delivery-status; boundary=r

				--r
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.example

				Final-Recipient: rfc822; gone@client.example
				Action: failed
				Status: 5.1.1
				--r
				Content-Type: message/rfc822

				From: petra@seller.example
				Message-ID: <sent-1@seller.example>
				Subject: Offer

				offer
				--r--
				"""));
		assertThat(parsed.forwarded()).isNull();
		assertThat(parsed.autoSubmission()).isEqualTo(AutoSubmission.BOUNCE);
	}

}
