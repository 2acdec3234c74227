package com.mailtrail.mail.inbound.parsing;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Forwarded-header blocks as each client writes them, in each language we support. */
class InlineForwardTests {

	private final MimeMessageParser parser = new MimeMessageParser();

	private ForwardedMessage forwarded(String subject, String body) {
		ParsedEmail parsed = this.parser.parse(TestMessages.forward(subject, body));
		assertThat(parsed.forwarded()).as("forwarded").isNotNull();
		assertThat(parsed.forwarded().kind()).isEqualTo(ForwardedMessage.Kind.INLINE);
		return parsed.forwarded();
	}

	@Test
	void readsGmailEnglishBlockWithRecipientsAndNote() {
		ForwardedMessage original = forwarded("Fwd: Quote for 40 licences", """
				Can you log this against the Acme deal?

				---------- Forwarded message ---------
				From: Carla Ruiz <carla.ruiz@acme.example>
				Date: Tue, Oct 1, 2024 at 4:12 PM
				Subject: Quote for 40 licences
				To: Petra Vogel <petra@seller.example>, <ops@seller.example>
				Cc: Dan Moe <dan@acme.example>, finance@acme.example

				Hi Petra, please send the quote.
				""");
		assertThat(original.from()).isEqualTo(new EmailParticipant("Carla Ruiz", "carla.ruiz@acme.example"));
		assertThat(original.to()).extracting(EmailParticipant::address)
			.containsExactly("petra@seller.example", "ops@seller.example");
		assertThat(original.cc()).containsExactly(new EmailParticipant("Dan Moe", "dan@acme.example"),
				new EmailParticipant(null, "finance@acme.example"));
		assertThat(original.subject()).isEqualTo("Quote for 40 licences");
		assertThat(original.date()).isEqualTo("Tue, Oct 1, 2024 at 4:12 PM");
		assertThat(original.parsedDate()).isNotNull();
		assertThat(original.note()).isEqualTo("Can you log this against the Acme deal?");
	}

	@Test
	void dropsTheBoldMarkersGmailPutsAroundNamesInPlainText() {
		ForwardedMessage original = forwarded("Fwd: Intro", """
				---------- Forwarded message ---------
				From: *Carla Ruiz* <carla.ruiz@acme.example>
				Date: Tue, Oct 1, 2024 at 4:12 PM
				Subject: Intro
				To: *Petra Vogel* <petra@seller.example>
				""");
		assertThat(original.from()).isEqualTo(new EmailParticipant("Carla Ruiz", "carla.ruiz@acme.example"));
		assertThat(original.to()).containsExactly(new EmailParticipant("Petra Vogel", "petra@seller.example"));
	}

	@Test
	void readsGmailFrenchBlockWithSpaceBeforeColon() {
		ForwardedMessage original = forwarded("Fwd: Devis", """
				---------- Forwarded message ---------
				De : Luc Martin <luc.martin@client.example>
				Date: lun. 7 oct. 2024 à 09:15
				Subject: Devis signé
				To: Petra Vogel <petra@seller.example>
				""");
		assertThat(original.from().address()).isEqualTo("luc.martin@client.example");
		assertThat(original.subject()).isEqualTo("Devis signé");
		assertThat(original.parsedDate()).isNull();
	}

	@Test
	void readsGmailSpanishBlock() {
		ForwardedMessage original = forwarded("Fwd: Pedido", """
				---------- Mensaje reenviado ---------
				De: Lucía Gómez <lucia@cliente.example>
				Date: lun, 7 oct 2024 a las 9:15
				Subject: Pedido 1234
				To: <petra@seller.example>
				""");
		assertThat(original.from().address()).isEqualTo("lucia@cliente.example");
		assertThat(original.subject()).isEqualTo("Pedido 1234");
	}

	@Test
	void readsGmailItalianBlock() {
		ForwardedMessage original = forwarded("I: Ordine", """
				---------- Messaggio inoltrato ---------
				Da: Marco Rossi <marco.rossi@cliente.example>
				Date: lun 7 ott 2024 alle ore 09:15
				Subject: Ordine 77
				To: <petra@seller.example>
				""");
		assertThat(original.from().address()).isEqualTo("marco.rossi@cliente.example");
		assertThat(original.subject()).isEqualTo("Ordine 77");
	}

	@Test
	void readsGmailPortugueseBlock() {
		ForwardedMessage original = forwarded("Enc: Proposta", """
				---------- Mensagem encaminhada ---------
				De: João Silva <joao.silva@cliente.example>
				Date: seg., 7 de out. de 2024 às 09:15
				Subject: Proposta comercial
				To: <petra@seller.example>
				""");
		assertThat(original.from()).isEqualTo(new EmailParticipant("João Silva", "joao.silva@cliente.example"));
		assertThat(original.subject()).isEqualTo("Proposta comercial");
	}

	@Test
	void readsGmailDutchBlock() {
		ForwardedMessage original = forwarded("Doorst: Offerte", """
				---------- Doorgestuurd bericht ---------
				Van: Jan de Vries <jan@klant.example>
				Date: ma 7 okt 2024 om 09:15
				Subject: Offerte
				To: <petra@seller.example>
				""");
		assertThat(original.from().address()).isEqualTo("jan@klant.example");
	}

	@Test
	void readsGmailGermanBlock() {
		ForwardedMessage original = forwarded("WG: Angebot", """
				---------- Weitergeleitete Nachricht ---------
				Von: Anna Schmidt <anna.schmidt@kunde.example>
				Date: Mo., 7. Okt. 2024 um 09:15 Uhr
				Subject: Angebot
				To: <petra@seller.example>
				""");
		assertThat(original.from().address()).isEqualTo("anna.schmidt@kunde.example");
		assertThat(original.subject()).isEqualTo("Angebot");
	}

	@Test
	void readsOutlookDesktopOriginalMessageWhenTheSubjectSaysForward() {
		ForwardedMessage original = forwarded("FW: Contract draft", """
				See below.

				-----Original Message-----
				From: Tom Baker <tom.baker@client.example>
				Sent: Monday, October 7, 2024 9:15 AM
				To: Petra Vogel <petra@seller.example>; Legal <legal@seller.example>
				Cc: Ann Lee <ann.lee@client.example>
				Subject: Contract draft

				Attached is the draft.
				""");
		assertThat(original.from().address()).isEqualTo("tom.baker@client.example");
		assertThat(original.to()).extracting(EmailParticipant::address)
			.containsExactly("petra@seller.example", "legal@seller.example");
		assertThat(original.cc()).extracting(EmailParticipant::address).containsExactly("ann.lee@client.example");
		assertThat(original.date()).isEqualTo("Monday, October 7, 2024 9:15 AM");
		assertThat(original.note()).isEqualTo("See below.");
	}

	@Test
	void readsOutlookDesktopGermanBlockAfterUnderscoreSeparator() {
		ForwardedMessage original = forwarded("WG: Rechnung", """
				________________________________
				Von: Klaus Weber <k.weber@kunde.example>
				Gesendet: Montag, 7. Oktober 2024 09:15
				An: Petra Vogel <petra@seller.example>
				Cc: Buchhaltung <buchhaltung@kunde.example>
				Betreff: Rechnung 2024-118
				""");
		assertThat(original.from()).isEqualTo(new EmailParticipant("Klaus Weber", "k.weber@kunde.example"));
		assertThat(original.cc()).extracting(EmailParticipant::address).containsExactly("buchhaltung@kunde.example");
		assertThat(original.subject()).isEqualTo("Rechnung 2024-118");
		assertThat(original.date()).isEqualTo("Montag, 7. Oktober 2024 09:15");
	}

	@Test
	void readsOutlookWebBlockWithoutMarkerAndMailtoArtefacts() {
		ForwardedMessage original = forwarded("Fw: Renewal", """
				Please track this one.

				From: Mia Chen<mailto:mia.chen@client.example> <mia.chen@client.example<mailto:mia.chen@client.example>> on behalf of support@client.example<mailto:support@client.example>
				Sent: Monday, October 7, 2024 15:14
				To: petra@seller.example <petra@seller.example>
				Subject: Renewal
				""");
		assertThat(original.from()).isEqualTo(new EmailParticipant("Mia Chen", "mia.chen@client.example"));
		assertThat(original.to()).containsExactly(new EmailParticipant(null, "petra@seller.example"));
		assertThat(original.note()).isEqualTo("Please track this one.");
	}

	@Test
	void readsOutlookDesktopGermanOriginalMessageBanner() {
		ForwardedMessage original = forwarded("WG: Lieferung", """
				-----Ursprüngliche Nachricht-----
				Von: Klaus Weber <k.weber@kunde.example>
				Gesendet: Montag, 7. Oktober 2024 09:15
				An: Petra Vogel <petra@seller.example>
				Betreff: Lieferung
				""");
		assertThat(original.from().address()).isEqualTo("k.weber@kunde.example");
		assertThat(original.subject()).isEqualTo("Lieferung");
	}

	@Test
	void readsThunderbirdHtmlHeaderTable() {
		ParsedEmail parsed = this.parser.parse(TestMessages.crlf("""
				From: Petra Vogel <petra@seller.example>
				Subject: Fwd: Specs
				Content-Type: text/html; charset=utf-8

				<html><body><p>FYI</p><div class="moz-forward-container">-------- Forwarded Message --------
				<table class="moz-email-headers-table"><tbody>
				<tr><th>Subject: </th><td>Specs v2</td></tr>
				<tr><th>Date: </th><td>Mon, 7 Oct 2024 09:15:00 +0200</td></tr>
				<tr><th>From: </th><td>Nils Eck <a href="mailto:nils@client.example">&lt;nils@client.example&gt;</a></td></tr>
				<tr><th>To: </th><td>petra@seller.example</td></tr>
				</tbody></table><p>Specs attached.</p></div></body></html>
				"""));
		assertThat(parsed.forwarded()).isNotNull();
		assertThat(parsed.forwarded().from()).isEqualTo(new EmailParticipant("Nils Eck", "nils@client.example"));
		assertThat(parsed.forwarded().subject()).isEqualTo("Specs v2");
		assertThat(parsed.forwarded().note()).isEqualTo("FYI");
	}

	@Test
	void readsNewOutlookFrenchBlockWithSpacesBeforeColons() {
		ForwardedMessage original = forwarded("TR: Commande", """
				De : Luc Martin <luc.martin@client.example>
				Date : lundi, 7 octobre 2024 à 09:15
				À : petra@seller.example <petra@seller.example>
				Cc : Claire Petit <claire@client.example>
				Objet : Commande 88
				Bonjour,
				""");
		assertThat(original.from().address()).isEqualTo("luc.martin@client.example");
		assertThat(original.to()).extracting(EmailParticipant::address).containsExactly("petra@seller.example");
		assertThat(original.cc()).extracting(EmailParticipant::address).containsExactly("claire@client.example");
		assertThat(original.subject()).isEqualTo("Commande 88");
	}

	@Test
	void readsAppleMailEnglishBlockQuotedWithAngleBrackets() {
		ForwardedMessage original = forwarded("Fwd: Pilot", """
				FYI

				> Begin forwarded message:
				>
				> From: Sara Holm <sara@client.example>
				> Subject: Pilot
				> Date: 7 October 2024 at 09:15:08 CEST
				> To: petra@seller.example
				> Cc: Ola Berg <ola@client.example>
				>
				> Let us start the pilot.
				""");
		assertThat(original.from().address()).isEqualTo("sara@client.example");
		assertThat(original.cc()).extracting(EmailParticipant::address).containsExactly("ola@client.example");
		assertThat(original.note()).isEqualTo("FYI");
	}

	@Test
	void readsAppleMailGermanBlock() {
		ForwardedMessage original = forwarded("WG: Termin", """
				> Anfang der weitergeleiteten Nachricht:
				>
				> Von: Jonas Braun <jonas@kunde.example>
				> Betreff: Termin
				> Datum: 7. Oktober 2024 um 09:15:08 MESZ
				> An: petra@seller.example
				> Kopie: Lea Kurz <lea@kunde.example>
				""");
		assertThat(original.from().address()).isEqualTo("jonas@kunde.example");
		assertThat(original.subject()).isEqualTo("Termin");
		assertThat(original.date()).isEqualTo("7. Oktober 2024 um 09:15:08 MESZ");
		assertThat(original.cc()).extracting(EmailParticipant::address).containsExactly("lea@kunde.example");
	}

	@Test
	void readsThunderbirdEnglishBlockWithTabs() {
		ForwardedMessage original = forwarded("Fwd: Specs", """
				-------- Forwarded Message --------
				Subject: \tSpecs v2
				Date: \tMon, 7 Oct 2024 09:15:00 +0200
				From: \tNils Eck <nils@client.example>
				To: \tpetra@seller.example
				""");
		assertThat(original.from().address()).isEqualTo("nils@client.example");
		assertThat(original.subject()).isEqualTo("Specs v2");
		assertThat(original.parsedDate()).isEqualTo(Instant.parse("2024-10-07T07:15:00Z"));
	}

	@Test
	void readsThunderbirdRussianBlockWithTabs() {
		ForwardedMessage original = forwarded("Fwd: Договор", """
				-------- Перенаправленное сообщение --------
				Тема: \tДоговор поставки
				Дата: \tMon, 7 Oct 2024 09:15:00 +0300
				От: \tИван Петров <ivan@client.example>
				Кому: \tpetra@seller.example
				Копия: \tОльга <olga@client.example>
				""");
		assertThat(original.from()).isEqualTo(new EmailParticipant("Иван Петров", "ivan@client.example"));
		assertThat(original.subject()).isEqualTo("Договор поставки");
		assertThat(original.cc()).extracting(EmailParticipant::address).containsExactly("olga@client.example");
	}

	@Test
	void readsYahooBlockFlattenedOntoOneLine() {
		ForwardedMessage original = forwarded("Fw: Samples", """
				   ----- Forwarded Message ----- From: Rita Cole <rita@client.example>To: "petra@seller.example" <petra@seller.example>Cc: Max Roy <max@client.example>; Ida Fox <ida@client.example>Sent: Monday, October 7, 2024, 09:15:00 AM GMT+2Subject: Samples
				 Please find the samples below.
				""");
		assertThat(original.from()).isEqualTo(new EmailParticipant("Rita Cole", "rita@client.example"));
		assertThat(original.to()).extracting(EmailParticipant::address).containsExactly("petra@seller.example");
		assertThat(original.cc()).extracting(EmailParticipant::address)
			.containsExactly("max@client.example", "ida@client.example");
		assertThat(original.subject()).isEqualTo("Samples");
	}

	@Test
	void readsHubSpotJapaneseBlockWithFullWidthColons() {
		ForwardedMessage original = forwarded("Fwd: 見積もり", """
				ご確認ください。

				---------- メッセージを転送 ---------
				送信元：Kenji Sato <kenji@client.example>
				日付：2024年10月7日月曜日 9:15:00 +0900
				件名：見積もり依頼
				送信先：petra@seller.example
				CC：Yui <yui@client.example>
				""");
		assertThat(original.from().address()).isEqualTo("kenji@client.example");
		assertThat(original.subject()).isEqualTo("見積もり依頼");
		assertThat(original.cc()).extracting(EmailParticipant::address).containsExactly("yui@client.example");
		assertThat(original.note()).isEqualTo("ご確認ください。");
	}

	@Test
	void readsPineBlockAndIgnoresResentFrom() {
		ForwardedMessage original = forwarded("Release notes (fwd)", """
				Interesting.

				---------- Forwarded message ----------
				Date: Mon, 07 Oct 2024 12:24:00 -0500
				From: announce@project.example
				To: list@project.example
				Subject: Release notes
				Resent-Date: Mon, 7 Oct 2024 17:26:15 GMT
				Resent-From: relay@lists.example

				Version 2 is out.
				""");
		assertThat(original.from()).isEqualTo(new EmailParticipant(null, "announce@project.example"));
		assertThat(original.subject()).isEqualTo("Release notes");
	}

	@Test
	void readsOutlook2019ForwardThatLooksLikeAReplyWhenTheSubjectSaysForward() {
		ForwardedMessage original = forwarded("FW: Budget", """
				On 07/10/2024 09:15, "Eva Lind" <eva.lind@client.example> wrote:

				    The budget is approved.
				""");
		assertThat(original.from()).isEqualTo(new EmailParticipant("Eva Lind", "eva.lind@client.example"));
		assertThat(original.subject()).isEqualTo("Budget");
		assertThat(original.to()).isEmpty();
	}

	@Test
	void takesTheOriginalSubjectFromTheOuterSubjectWhenTheBlockHasNone() {
		ForwardedMessage original = forwarded("TR: Réunion", """
				-----Message d'origine-----
				De : Luc Martin <luc.martin@client.example>
				Envoyé : lundi 7 octobre 2024 09:15
				À : petra@seller.example
				""");
		assertThat(original.subject()).isEqualTo("Réunion");
	}

	@Test
	void aReplyQuoteIsNotAForward() {
		ParsedEmail parsed = this.parser.parse(TestMessages.forward("Re: Budget", """
				Thanks!

				On Mon, Oct 7, 2024 at 9:15 AM Eva Lind <eva.lind@client.example>
				wrote:

				> The budget is approved.
				"""));
		assertThat(parsed.forwarded()).isNull();
		assertThat(parsed.people(Set.of("track-7f3a@in.mailtrail.example")))
			.isEmpty();
	}

	@Test
	void anOutlookReplyBlockIsNotAForwardWithoutForwardSubject() {
		ParsedEmail parsed = this.parser.parse(TestMessages.forward("RE: Contract", """
				Agreed.

				From: Tom Baker <tom.baker@client.example>
				Sent: Monday, October 7, 2024 9:15 AM
				To: Petra Vogel <petra@seller.example>
				Subject: Contract
				"""));
		assertThat(parsed.forwarded()).isNull();
	}

	@Test
	void detectsTheBlockInAnHtmlOnlyForward() {
		byte[] raw = TestMessages.crlf("""
				From: Petra Vogel <petra@seller.example>
				To: track@in.mailtrail.example
				Subject: Fwd: Kickoff
				MIME-Version: 1.0
				Content-Type: text/html; charset=UTF-8

				<div dir="ltr">Logging this.<br><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: <strong class="gmail_sendername">Bo Ek</strong> <span>&lt;bo@client.example&gt;</span><br>Date: Mon, Oct 7, 2024 at 9:15 AM<br>Subject: Kickoff<br>To: &lt;petra@seller.example&gt;<br></div><br><div>See you.</div></div></div>
				""");
		ParsedEmail parsed = this.parser.parse(raw);
		assertThat(parsed.forwarded()).isNotNull();
		assertThat(parsed.forwarded().from()).isEqualTo(new EmailParticipant("Bo Ek", "bo@client.example"));
		assertThat(parsed.forwarded().note()).isEqualTo("Logging this.");
		assertThat(parsed.textBody()).contains("Forwarded message");
	}

	@Test
	void detectsAnOutlookDesktopHtmlForwardWithMailtoInBrackets() {
		byte[] raw = TestMessages.crlf("""
				From: Petra Vogel <petra@seller.example>
				To: track@in.mailtrail.example
				Subject: FW: Pricing
				MIME-Version: 1.0
				Content-Type: text/html; charset=us-ascii

				<html><body><div class=WordSection1><p class=MsoNormal>For the CRM.<o:p></o:p></p>
				<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>
				<p class=MsoNormal><b>From:</b> Tom Baker [mailto:tom.baker@client.example] <br><b>Sent:</b> Monday, October 7, 2024 9:15 AM<br><b>To:</b> Petra Vogel &lt;petra@seller.example&gt;<br><b>Subject:</b> Pricing<o:p></o:p></p></div>
				<p class=MsoNormal>What are your prices?<o:p></o:p></p></div></body></html>
				""");
		ParsedEmail parsed = this.parser.parse(raw);
		assertThat(parsed.forwarded()).isNotNull();
		assertThat(parsed.forwarded().from().address()).isEqualTo("tom.baker@client.example");
		assertThat(parsed.forwarded().subject()).isEqualTo("Pricing");
		assertThat(parsed.forwarded().note()).isEqualTo("For the CRM.");
	}

	@Test
	void peopleOfAnInlineForwardAreTheOriginalParticipantsWithoutTheUser() {
		ParsedEmail parsed = this.parser.parse(TestMessages.forward("Fwd: Quote", """
				---------- Forwarded message ---------
				From: Carla Ruiz <carla.ruiz@acme.example>
				Date: Tue, Oct 1, 2024 at 4:12 PM
				Subject: Quote
				To: Petra Vogel <PETRA@seller.example>
				Cc: Dan Moe <dan@acme.example>, Carla Ruiz <carla.ruiz@acme.example>
				"""));
		assertThat(parsed.people(Set.of("Petra@Seller.example")))
			.containsExactly(new EmailParticipant("Carla Ruiz", "carla.ruiz@acme.example"),
					new EmailParticipant("Dan Moe", "dan@acme.example"));
	}

}
