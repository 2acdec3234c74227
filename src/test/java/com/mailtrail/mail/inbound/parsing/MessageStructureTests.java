package com.mailtrail.mail.inbound.parsing;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies and attachments: which part is what, as the best mail clients show them. */
class MessageStructureTests {

	private final MimeMessageParser parser = new MimeMessageParser();

	@Test
	void choosesTextAndHtmlFromAlternativesAndKeepsInlineCidImages() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: Shop <news@shop.example>
				To: petra@seller.example
				Subject: News
				Content-Type: multipart/mixed; boundary=mixed

				--mixed
				Content-Type: multipart/alternative; boundary=alt

				--alt
				Content-Type: text/plain; charset=utf-8

				Plain version
				--alt
				Content-Type: multipart/related; boundary=rel

				--rel
				Content-Type: text/html; charset=utf-8

				<p>HTML version <img src="cid:logo@shop"></p>
				--rel
				Content-Type: image/png
				Content-ID: <logo@shop>
				Content-Transfer-Encoding: base64

				iVBORw0KGgo=
				--rel--
				--alt--
				--mixed
				Content-Type: application/pdf; name="terms.pdf"
				Content-Disposition: attachment; filename="terms.pdf"
				Content-Transfer-Encoding: base64

				JVBERi0xLjQK
				--mixed--
				"""));
		assertThat(parsed.textBody()).isEqualTo("Plain version");
		assertThat(parsed.htmlBody()).contains("HTML version");
		assertThat(parsed.attachments()).hasSize(2);
		assertThat(parsed.attachments().get(0)).satisfies((image) -> {
			assertThat(image.contentId()).isEqualTo("logo@shop");
			assertThat(image.inline()).isTrue();
			assertThat(image.contentType()).isEqualTo("image/png");
			assertThat(image.filename()).isEqualTo("image.png");
			assertThat(image.size()).isEqualTo(8);
		});
		assertThat(parsed.attachments().get(1)).satisfies((pdf) -> {
			assertThat(pdf.filename()).isEqualTo("terms.pdf");
			assertThat(pdf.inline()).isFalse();
		});
	}

	@Test
	void derivesTheTextBodyFromAnHtmlOnlyMessage() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: a@example.com
				Content-Type: text/html; charset=utf-8

				<html><head><style>p{color:red}</style></head><body><p>First</p><p>Second &amp; last</p></body></html>
				"""));
		assertThat(parsed.textBody()).isEqualTo("First\nSecond & last");
	}

	@Test
	void keepsTwoAttachmentsWithTheSameContent() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: a@example.com
				Content-Type: multipart/mixed; boundary=b

				--b
				Content-Type: text/plain; name=a.txt
				Content-Disposition: attachment; filename=a.txt

				same
				--b
				Content-Type: text/plain; name=b.txt
				Content-Disposition: attachment; filename=b.txt

				same
				--b--
				"""));
		assertThat(parsed.attachments()).extracting(ParsedAttachment::filename).containsExactly("a.txt", "b.txt");
		assertThat(parsed.attachments().get(0).content()).isEqualTo(parsed.attachments().get(1).content());
		assertThat(parsed.textBody()).isEmpty();
	}

	@Test
	void treatsACalendarInviteInAnAlternativeAsAnAttachment() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: Organizer <org@client.example>
				To: petra@seller.example
				Subject: Demo
				Content-Type: multipart/alternative; boundary=alt

				--alt
				Content-Type: text/plain; charset=utf-8

				Demo on Monday
				--alt
				Content-Type: text/html; charset=utf-8

				<p>Demo on Monday</p>
				--alt
				Content-Type: text/calendar; charset=utf-8; method=REQUEST
				Content-Transfer-Encoding: base64

				%s
				--alt--
				""".formatted(TestMessages.b64("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"
				.getBytes(StandardCharsets.US_ASCII)))));
		assertThat(parsed.textBody()).isEqualTo("Demo on Monday");
		assertThat(parsed.attachments()).singleElement().satisfies((invite) -> {
			assertThat(invite.contentType()).isEqualTo("text/calendar");
			assertThat(invite.filename()).isEqualTo("invite.ics");
			assertThat(new String(invite.content(), StandardCharsets.US_ASCII)).startsWith("BEGIN:VCALENDAR");
		});
	}

	@Test
	void keepsWinmailDatAsOneAttachment() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: a@example.com
				Content-Type: multipart/mixed; boundary=b

				--b
				Content-Type: text/plain; charset=koi8-r

				see attached
				--b
				Content-Type: application/ms-tnef; name="winmail.dat"
				Content-Transfer-Encoding: base64

				eJ8+IgEAAQaQCAAEAAAAAAABAAEAAQeQBgAIAAAA5AQAAAAAAADoAAEIgAcAGAAAAElQTS5NaWNy
				--b--
				"""));
		assertThat(parsed.attachments()).singleElement().satisfies((tnef) -> {
			assertThat(tnef.filename()).isEqualTo("winmail.dat");
			assertThat(tnef.contentType()).isEqualTo("application/ms-tnef");
		});
	}

	@Test
	void countsANestedMessageAsOneAttachmentNamedAfterItsSubject() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: a@example.com
				Subject: Re: Contract
				Content-Type: multipart/mixed; boundary=b

				--b
				Content-Type: text/plain

				I attach the previous mail, which had its own attachment, for the record. Let me know what you
				think about the clauses in section four before we send it to legal on Thursday, please.
				Thanks, and regards from the whole team here in the office, and see you at the fair next week.
				--b
				Content-Type: message/rfc822

				From: Old Sender <old@client.example>
				Subject: Contract: v1/final?
				Content-Type: multipart/mixed; boundary=inner

				--inner
				Content-Type: text/plain

				v1
				--inner
				Content-Type: application/pdf; name=v1.pdf

				pdf
				--inner--
				--b--
				"""));
		assertThat(parsed.attachments()).singleElement().satisfies((message) -> {
			assertThat(message.contentType()).isEqualTo("message/rfc822");
			assertThat(message.filename()).isEqualTo("Contract_ v1_final_.eml");
			assertThat(new String(message.content(), StandardCharsets.UTF_8)).startsWith("From: Old Sender");
		});
		assertThat(parsed.forwarded()).as("a reply with a long text that attaches a mail is no forward").isNull();
	}

	@Test
	void readsABase64EncodedAttachedMessage() {
		String inner = "From: Inner <inner@client.example>\r\nSubject: inside\r\n\r\nhello\r\n";
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: a@example.com
				Subject: Fwd: inside
				Content-Type: multipart/mixed; boundary=b

				--b
				Content-Type: message/rfc822
				Content-Transfer-Encoding: base64

				%s
				--b--
				""".formatted(TestMessages.b64(inner.getBytes(StandardCharsets.US_ASCII)))));
		assertThat(parsed.attachments()).singleElement()
			.satisfies((message) -> assertThat(message.filename()).isEqualTo("inside.eml"));
		assertThat(parsed.forwarded().from()).isEqualTo(new EmailParticipant("Inner", "inner@client.example"));
	}

	@Test
	void treatsATopLevelMessageRfc822AsOneAttachment() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: user2
				Subject: Re: Fwd: hello
				Content-Type: message/rfc822

				From: user1
				Subject: Fwd: hello
				Content-Type: message/rfc822

				From: user0
				To: user9
				Subject: hello

				hello world
				"""));
		assertThat(parsed.from()).isEqualTo(new EmailParticipant(null, "user2"));
		assertThat(parsed.attachments()).hasSize(1);
		assertThat(parsed.forwarded().from()).as("the innermost original").isEqualTo(new EmailParticipant(null, "user0"));
		assertThat(parsed.forwarded().subject()).isEqualTo("hello");
	}

	@Test
	void treatsTheChildrenOfADigestAsMessages() {
		ParsedEmail parsed = this.parser.parse(TestMessages.lf("""
				From: Moderator <moderator>
				Content-Type: multipart/digest; boundary=d

				--d

				From: one@example.com
				Subject: first

				1
				--d

				From: two@example.com
				Subject: second

				2
				--d--
				"""));
		assertThat(parsed.attachments()).extracting(ParsedAttachment::filename).containsExactly("first.eml", "second.eml");
	}

	@Test
	void joinsTextPartsSplitAroundAnInlineImage() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: a@example.com
				Content-Type: multipart/mixed; boundary=b

				--b
				Content-Type: text/plain

				Look at this
				--b
				Content-Type: image/jpeg; name=photo.JPG
				Content-Disposition: inline; filename=photo.JPG

				jpeg
				--b
				Content-Type: text/plain

				~Dani
				--b--
				"""));
		assertThat(parsed.textBody()).isEqualTo("Look at this\n~Dani");
		assertThat(parsed.attachments()).singleElement().satisfies((photo) -> assertThat(photo.inline()).isTrue());
	}

	@Test
	void hashesTheRawBytesStably() {
		byte[] raw = TestMessages.crlf("From: a@example.com\n\nx\n");
		assertThat(this.parser.parse(raw).sha256()).isEqualTo(this.parser.parse(raw.clone()).sha256())
			.isEqualTo(MimeMessageParser.sha256(raw))
			.hasSize(64);
	}

}
