package com.mailtrail.mail.inbound.parsing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Header and body encodings as they arrive from real clients, right or wrong. */
class EncodingTests {

	private final MimeMessageParser parser = new MimeMessageParser();

	private static String headerWord(String charset, String encoding, byte[] text) {
		if (encoding.equals("B")) {
			return "=?" + charset + "?B?" + TestMessages.b64(text).replace("\r\n", "") + "?=";
		}
		StringBuilder q = new StringBuilder();
		for (byte b : text) {
			int c = b & 0xFF;
			if (c == ' ') {
				q.append('_');
			}
			else if (c < 0x80 && Character.isLetterOrDigit(c)) {
				q.append((char) c);
			}
			else {
				q.append(String.format("=%02X", c));
			}
		}
		return "=?" + charset + "?Q?" + q + "?=";
	}

	private ParsedEmail parse(String headers, String body) {
		return this.parser.parse(TestMessages.crlf(headers + "\n" + body));
	}

	@Test
	void decodesQuotedPrintableAndBase64EncodedWords() {
		ParsedEmail parsed = parse("""
				From: %s <anna@kunde.example>
				Subject: %s
				""".formatted(headerWord("iso-8859-1", "Q", "Jürgen Groß".getBytes(StandardCharsets.ISO_8859_1)),
				headerWord("UTF-8", "B", "Grüße aus Köln".getBytes(StandardCharsets.UTF_8))), "hi");
		assertThat(parsed.from()).isEqualTo(new EmailParticipant("Jürgen Groß", "anna@kunde.example"));
		assertThat(parsed.subject()).isEqualTo("Grüße aus Köln");
	}

	@Test
	void decodesIso2022JpWordsSplitInsideAWordAndWithMicrosoftExtensions() {
		Charset jis = Charset.forName("x-windows-iso2022jp");
		ParsedEmail parsed = parse("""
				From: x@example.jp
				Subject: %s
				 %s
				""".formatted(headerWord("ISO-2022-JP", "B", "日本語 Ja".getBytes(jis)),
				headerWord("iso-2022-jp", "B", "panese №1".getBytes(jis))), "");
		assertThat(parsed.subject()).isEqualTo("日本語 Japanese №1");
	}

	@Test
	void decodesKoi8rAndWindows1251Words() {
		ParsedEmail parsed = parse("""
				From: %s <ivan@client.example>
				Subject: %s
				""".formatted(headerWord("KOI8-R", "B", "Иван".getBytes(Charset.forName("KOI8-R"))),
				headerWord("windows-1251", "Q", "Счёт".getBytes(Charset.forName("windows-1251")))), "");
		assertThat(parsed.from().name()).isEqualTo("Иван");
		assertThat(parsed.subject()).isEqualTo("Счёт");
	}

	@Test
	void decodesAWordWhoseMultibyteCharacterIsSplitAcrossTwoWords() {
		byte[] text = "Größe".getBytes(StandardCharsets.UTF_8);
		ParsedEmail parsed = parse("Subject: %s %s\n".formatted(
				headerWord("utf-8", "Q", Arrays.copyOfRange(text, 0, 3)),
				headerWord("utf-8", "Q", Arrays.copyOfRange(text, 3, text.length))), "");
		assertThat(parsed.subject()).isEqualTo("Größe");
	}

	@Test
	void decodesUtf7WhichJavaDoesNotShip() {
		ParsedEmail parsed = parse("Subject: =?utf-7?Q?Fr+AOY-sche?=\n", "");
		assertThat(parsed.subject()).isEqualTo("Fræsche");
	}

	@Test
	void readsUnknownCharsetAsUtf8OrWindows1252() {
		byte[] raw = TestMessages.concat(TestMessages.crlf("""
				From: a@example.com
				Subject: =?x-unknown?Q?caf=C3=A9?= =?NONE?B?VEVTVA=?=
				Content-Type: text/plain; charset="x-invalid-charset"
				Content-Transfer-Encoding: 8bit

				"""), "Ol\u00e1 ".getBytes(StandardCharsets.ISO_8859_1), "olá".getBytes(StandardCharsets.UTF_8));
		ParsedEmail parsed = this.parser.parse(raw);
		assertThat(parsed.subject()).isEqualTo("caféTEST");
		assertThat(parsed.textBody()).isEqualTo("Olá olÃ¡");
	}

	@Test
	void overrulesADeclaredAsciiCharsetWhenTheBytesAreUtf8() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: a@example.com
				Subject: maths
				Content-Type: text/plain; charset=us-ascii
				Content-Transfer-Encoding: 8bit

				∀x ∈ ℝ: x² ≥ 0
				"""));
		assertThat(parsed.textBody()).contains("∀x ∈ ℝ: x² ≥ 0");
	}

	@Test
	void mapsMicrosoftCharsetAliases() {
		byte[] raw = TestMessages.concat(TestMessages.crlf("""
				From: a@example.com
				Content-Type: text/plain; charset=ks_c_5601-1987
				Content-Transfer-Encoding: 8bit

				"""), "안녕하세요".getBytes(Charset.forName("x-windows-949")));
		assertThat(this.parser.parse(raw).textBody()).isEqualTo("안녕하세요");
	}

	@Test
	void decodesRfc2231FilenamesAndPrefersThemToName() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: a@example.com
				Content-Type: multipart/mixed; boundary=b1

				--b1
				Content-Type: text/plain

				see attachment
				--b1
				Content-Type: application/pdf; name="wrong.pdf"
				Content-Disposition: attachment;
				 filename*0*=UTF-8''Preis%C3%BCber;
				 filename*1*=sicht%20%E2%82%AC.pdf
				Content-Transfer-Encoding: base64

				JVBERi0xLjQK
				--b1--
				"""));
		assertThat(parsed.attachments()).singleElement().satisfies((attachment) -> {
			assertThat(attachment.filename()).isEqualTo("Preisübersicht €.pdf");
			assertThat(attachment.contentType()).isEqualTo("application/pdf");
			assertThat(new String(attachment.content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4\n");
		});
		assertThat(parsed.textBody()).isEqualTo("see attachment");
	}

	@Test
	void decodesEncodedWordFilenamesAndRawUtf8Filenames() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: a@example.com
				Content-Type: multipart/mixed; boundary=b1

				--b1
				Content-Type: image/png; name="=?UTF-8?Q?=C5=BC=C3=B3=C5=82=C4=87.png?="

				png
				--b1
				Content-Type: application/msword; name="管理.doc"
				Content-Disposition: attachment; filename="管理.doc"

				doc
				--b1--
				"""));
		assertThat(parsed.attachments()).extracting(ParsedAttachment::filename).containsExactly("żółć.png", "管理.doc");
	}

	@Test
	void readsRawUtf8HeadersPerRfc6532() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: Jörg Müller <jörg@bäcker.example>
				To: Zoë <zoë@exämple.example>
				Subject: Brötchen für alle

				body
				"""));
		assertThat(parsed.from()).isEqualTo(new EmailParticipant("Jörg Müller", "jörg@bäcker.example"));
		assertThat(parsed.to()).containsExactly(new EmailParticipant("Zoë", "zoë@exämple.example"));
		assertThat(parsed.subject()).isEqualTo("Brötchen für alle");
		assertThat(parsed.problems()).isEmpty();
	}

	@Test
	void readsRawLatin1HeadersAndRawBytesInsideAnEncodedWord() {
		byte[] raw = TestMessages.crlf("""
				From: "Test Müllermann" <t@example.de>
				Subject: =?iso-8859-1?Q?Die_Hasen_und_die_Fr\u00f6sche?=

				x
				""", StandardCharsets.ISO_8859_1);
		ParsedEmail parsed = this.parser.parse(raw);
		assertThat(parsed.from().name()).isEqualTo("Test Müllermann");
		assertThat(parsed.subject()).isEqualTo("Die Hasen und die Frösche");
	}

	@Test
	void decodesTextBodiesInLegacyCharsets() {
		byte[] raw = TestMessages.concat(TestMessages.crlf("""
				From: a@example.com
				Content-Type: text/plain; charset=KOI8-R
				Content-Transfer-Encoding: 8bit

				"""), "Привет".getBytes(Charset.forName("KOI8-R")));
		assertThat(this.parser.parse(raw).textBody()).isEqualTo("Привет");
	}

	@Test
	void keepsAnEncodedCommaInsideTheDisplayNameAsOneMailbox() {
		ParsedEmail parsed = parse("""
				From: =?UTF-8?B?%s?= <foo.bar@example.com>
				To: =?iso-8859-1?Q?Stra=DFe=2C_Anna?= <anna@example.com>, bob@example.com
				""".formatted(TestMessages.b64("Bar, Foo")), "");
		assertThat(parsed.authors()).containsExactly(new EmailParticipant("Bar, Foo", "foo.bar@example.com"));
		assertThat(parsed.to()).containsExactly(new EmailParticipant("Straße, Anna", "anna@example.com"),
				new EmailParticipant(null, "bob@example.com"));
	}

	@Test
	void decodesEncodedWordsInsideQuotedDisplayNames() {
		ParsedEmail parsed = parse("From: \"=?windows-1252?B?%s?=\" <info@example.pt>\n"
			.formatted(TestMessages.b64("Formação".getBytes(Charset.forName("windows-1252")))), "");
		assertThat(parsed.from().name()).isEqualTo("Formação");
	}

	@Test
	void dropsControlCharactersFromDecodedNames() {
		ParsedEmail parsed = parse("From: =?utf-8?q?=0A?= <bad@example.com>\nSubject: a=?utf-8?q?=0D=0A?=b\n", "");
		assertThat(parsed.from()).isEqualTo(new EmailParticipant(null, "bad@example.com"));
		assertThat(parsed.subject()).doesNotContain("\n", "\r");
	}

	@Test
	void honoursTheMetaCharsetOfAnHtmlPartWithoutMimeCharset() {
		byte[] raw = TestMessages.concat(TestMessages.crlf("""
				From: a@example.com
				Content-Type: text/html
				Content-Transfer-Encoding: 8bit

				<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>"""),
				"Привет".getBytes(Charset.forName("windows-1251")), TestMessages.crlf("</body></html>\n"));
		assertThat(this.parser.parse(raw).textBody()).isEqualTo("Привет");
	}

}
