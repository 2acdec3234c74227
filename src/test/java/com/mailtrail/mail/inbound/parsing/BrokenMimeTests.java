package com.mailtrail.mail.inbound.parsing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Broken input never makes the parser throw; it keeps what it can and says what went wrong. */
class BrokenMimeTests {

	private final MimeMessageParser parser = new MimeMessageParser();

	@Test
	void emptyInputIsUnreadableWithAReason() {
		ParsedEmail parsed = this.parser.parse(new byte[0]);
		assertThat(parsed.readable()).isFalse();
		assertThat(parsed.problems()).containsExactly("Empty message");
		assertThat(parsed.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void nullInputIsTreatedAsEmpty() {
		assertThat(this.parser.parse(null).readable()).isFalse();
	}

	@Test
	void randomBytesAreUnreadableButNeverThrow() {
		Random random = new Random(42);
		for (int i = 0; i < 300; i++) {
			byte[] noise = new byte[random.nextInt(4096)];
			random.nextBytes(noise);
			assertThatNoException().isThrownBy(() -> this.parser.parse(noise));
		}
		byte[] noise = new byte[2048];
		random.nextBytes(noise);
		for (int i = 0; i < noise.length; i++) {
			noise[i] = (byte) (noise[i] == ':' ? 'x' : noise[i]);
		}
		ParsedEmail parsed = this.parser.parse(noise);
		assertThat(parsed.readable()).isFalse();
		assertThat(parsed.problems()).isNotEmpty();
	}

	@Test
	void textWithoutAnyMailHeaderIsKeptButUnreadable() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				Dear team,

				this is a text file, not a mail.
				"""));
		assertThat(parsed.readable()).isFalse();
		assertThat(parsed.problems()).anyMatch((problem) -> problem.startsWith("No mail headers found"));
		assertThat(parsed.textBody()).contains("this is a text file");
	}

	@Test
	void truncatedCopiesOfAValidMessageNeverThrow() {
		byte[] message = TestMessages.crlf("""
				From: Anna <anna@kunde.example>
				To: petra@seller.example
				Subject: =?UTF-8?B?R3LDvMOfZQ==?=
				Content-Type: multipart/mixed; boundary="outer"

				--outer
				Content-Type: multipart/alternative; boundary="inner"

				--inner
				Content-Type: text/plain; charset=utf-8
				Content-Transfer-Encoding: quoted-printable

				Gr=C3=BC=C3=9Fe
				--inner
				Content-Type: text/html; charset=utf-8

				<p>Grüße</p>
				--inner--
				--outer
				Content-Type: message/rfc822

				From: x@example.com
				Subject: inner

				inner body
				--outer
				Content-Type: application/pdf; name=a.pdf
				Content-Transfer-Encoding: base64

				JVBERi0xLjQK
				--outer--
				""");
		for (int length = 0; length <= message.length; length++) {
			byte[] truncated = Arrays.copyOf(message, length);
			assertThatNoException().isThrownBy(() -> this.parser.parse(truncated));
		}
	}

	@Test
	void keepsThePartsOfAMultipartWithoutFinalBoundary() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: a@example.com
				Subject: Test
				Content-Type: multipart/alternative; boundary = nextPart

				--nextPart
				Content-Type: text/plain

				plain text
				--nextPart
				Content-Type: text/html

				<b>html</b>
				"""));
		assertThat(parsed.textBody()).isEqualTo("plain text");
		assertThat(parsed.htmlBody()).contains("<b>html</b>");
		assertThat(parsed.readable()).isTrue();
	}

	@Test
	void findsTheBoundaryWhenTheParameterIsMissing() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: a@example.com
				Content-Type: multipart/mixed

				--guess
				Content-Type: text/plain

				found me
				--guess
				Content-Type: image/gif; name=dot.gif

				GIF89a
				--guess--
				"""));
		assertThat(parsed.textBody()).isEqualTo("found me");
		assertThat(parsed.attachments()).extracting(ParsedAttachment::filename).containsExactly("dot.gif");
	}

	@Test
	void readsAMultipartWithoutBoundaryLinesAsText() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: a@example.com
				Content-Type: multipart/alternative; boundary="never-used"

				Just text, no parts at all.
				"""));
		assertThat(parsed.textBody()).contains("Just text, no parts at all.");
		assertThat(parsed.attachments()).isEmpty();
		assertThat(parsed.problems()).isNotEmpty();
	}

	@Test
	void readsAMessageWithoutHeaderBodySeparator() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: a@example.com
				Subject: only headers"""));
		assertThat(parsed.subject()).isEqualTo("only headers");
		assertThat(parsed.textBody()).isEmpty();
		assertThat(parsed.readable()).isTrue();
	}

	@Test
	void skipsGarbageHeaderLines() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				Subject: still here
				This is not a header
				From: a@example.com

				Body text
				"""));
		assertThat(parsed.subject()).isEqualTo("still here");
		assertThat(parsed.from()).isEqualTo(new EmailParticipant(null, "a@example.com"));
		assertThat(parsed.textBody()).isEqualTo("Body text");
	}

	@Test
	void survivesNulBytesInHeadersAndBody() {
		byte[] raw = TestMessages.crlf("""
				From: a@exa\u0000mple.com
				Subject: nul\u0000byte
				Content-Type: text/plain; charset=utf-8
				Content-Transfer-Encoding: quoted-printable

				before=00after \u0000 raw
				""");
		ParsedEmail parsed = this.parser.parse(raw);
		assertThat(parsed.subject()).isEqualTo("nul byte");
		assertThat(parsed.textBody()).contains("before").contains("after");
	}

	@Test
	void capsAHugeToHeaderQuicklyAndKeepsTheRest() {
		StringBuilder to = new StringBuilder("To: first@example.com");
		while (to.length() < 200_000) {
			to.append(",\r\n =?UTF-8?Q?date=3E2017-01-01=3C/pr?= <r").append(to.length()).append("@example.com>");
		}
		byte[] raw = TestMessages.concat(TestMessages.crlf("From: test <test@test.com>\n"),
				to.toString().getBytes(StandardCharsets.US_ASCII),
				TestMessages.crlf("\nSubject: Message Subject\n\nbody\n"));
		ParsedEmail parsed = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> this.parser.parse(raw));
		assertThat(parsed.subject()).isEqualTo("Message Subject");
		assertThat(parsed.to()).isNotEmpty().first().isEqualTo(new EmailParticipant(null, "first@example.com"));
	}

	@Test
	void skipsALeadingByteOrderMarkAndMboxLine() {
		byte[] raw = TestMessages.concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, TestMessages.lf("""
				From sender@example.com Mon Oct  7 09:15:00 2024
				From: sender@example.com
				Subject: after the BOM

				text
				"""));
		ParsedEmail parsed = this.parser.parse(raw);
		assertThat(parsed.from()).isEqualTo(new EmailParticipant(null, "sender@example.com"));
		assertThat(parsed.subject()).isEqualTo("after the BOM");
	}

	@Test
	void readsBareLfLineEndings() {
		ParsedEmail parsed = this.parser.parse(TestMessages.lf("""
				From: Lf Only <lf@example.com>
				Subject: bare LF
				Content-Type: multipart/mixed; boundary=x

				--x
				Content-Type: text/plain

				line one
				line two
				--x--
				"""));
		assertThat(parsed.from().name()).isEqualTo("Lf Only");
		assertThat(parsed.textBody()).isEqualTo("line one\nline two");
	}

	@Test
	void keepsWhatItCanFromABrokenBase64Part() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: a@example.com
				Content-Type: multipart/mixed; boundary=b

				--b
				Content-Type: application/octet-stream; name=data.bin
				Content-Transfer-Encoding: base64

				SGVsbG8g!!d29y*bGQ=
				--b--
				"""));
		assertThat(parsed.attachments()).singleElement()
			.satisfies((a) -> assertThat(new String(a.content(), StandardCharsets.US_ASCII)).startsWith("Hello"));
	}

	@Test
	void readsAContentTypeWithoutSemicolonBeforeTheBoundary() {
		ParsedEmail parsed = this.parser.parse(TestMessages.lf("""
				From: a@example.com
				Content-Type: multipart/mixed
				\tboundary="b"

				--b
				Content-Type: image/png
				Content-Disposition: ;
				        filename="shot.png"
				Content-Transfer-Encoding: base64

				aGVsbG8K
				--b--
				"""));
		assertThat(parsed.attachments()).extracting(ParsedAttachment::filename).containsExactly("shot.png");
	}

	@Test
	void treatsATypeWithoutSubtypeAsOpaqueData() {
		ParsedEmail parsed = this.parser.parse(TestMessages.lf("""
				From: a@example.com
				Content-Type: application-x-gzip; name=document.xml.gz

				gz
				"""));
		assertThat(parsed.attachments()).singleElement().satisfies((a) -> {
			assertThat(a.filename()).isEqualTo("document.xml.gz");
			assertThat(a.contentType()).isEqualTo("application/octet-stream");
		});
	}

}
