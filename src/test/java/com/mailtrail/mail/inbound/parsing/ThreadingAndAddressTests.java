package com.mailtrail.mail.inbound.parsing;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Threading headers and address lists, including the traps that spoof a sender. */
class ThreadingAndAddressTests {

	private final MimeMessageParser parser = new MimeMessageParser();

	private ParsedEmail headers(String headers) {
		return this.parser.parse(TestMessages.crlf(headers + "\n\nbody\n"));
	}

	@Test
	void normalisesMessageIds() {
		ParsedEmail parsed = headers("""
				Message-ID:   < ABC.123@Mail.Example.COM >
				In-Reply-To: <first@a.example>
				 <second@B.example> garbage <first@a.example>
				References: <r1@a.example> <test-in-reply-to>
				References: <r2@a.example> <invalid.  """);
		assertThat(parsed.messageId()).isEqualTo("ABC.123@mail.example.com");
		assertThat(parsed.inReplyTo()).containsExactly("first@a.example", "second@b.example");
		assertThat(parsed.references()).containsExactly("r1@a.example", "r2@a.example");
	}

	@Test
	void treatsEmptyThreadingHeadersAsAbsent() {
		ParsedEmail parsed = headers("""
				From: a@example.com
				Message-ID:
				In-Reply-To:\s
				References:""");
		assertThat(parsed.messageId()).isNull();
		assertThat(parsed.inReplyTo()).isEmpty();
		assertThat(parsed.references()).isEmpty();
	}

	@Test
	void acceptsAMessageIdWithoutAngleBrackets() {
		assertThat(headers("Message-ID: 12345@spam.example").messageId()).isEqualTo("12345@spam.example");
	}

	@Test
	void readsTheDateLeniently() {
		assertThat(headers("Date: Mon, 7 Oct 2024 09:15:00 +0200 (CEST)").date())
			.isEqualTo(Instant.parse("2024-10-07T07:15:00Z"));
		assertThat(headers("Date: 12 June 2025 10:00:00 +0000").date()).isNotNull();
		assertThat(headers("Date: yesterday").date()).isNull();
	}

	@Test
	void usesTheRealAddressWhenTheDisplayNameLooksLikeAnAddress() {
		ParsedEmail parsed = headers("""
				From: "ceo@bank.example" <evil@attacker.example>
				To: alice@example.com <bob@example.com>, Tester@Example <real@example.com>""");
		assertThat(parsed.from()).isEqualTo(new EmailParticipant("ceo@bank.example", "evil@attacker.example"));
		assertThat(parsed.to()).extracting(EmailParticipant::address).containsExactly("bob@example.com", "real@example.com");
	}

	@Test
	void flagsAFromHeaderThatIsNoValidAddressList() {
		ParsedEmail parsed = headers("From: \"Someone\" <valid@example.net>:<attacker@example.org>");
		assertThat(parsed.problems()).anyMatch((problem) -> problem.startsWith("From header is not a valid"));
		assertThat(parsed.from().address()).doesNotContain("<", ">", ":");
	}

	@Test
	void keepsAddressesWithoutDomainAndSeveralAuthors() {
		ParsedEmail parsed = headers("""
				From: Tester Example <test@example.net>, jack@example.com
				To: user0
				Cc: , localrecipient, Max Kohl | [example.com] <kohl@example.com>,""");
		assertThat(parsed.from()).isEqualTo(new EmailParticipant("Tester Example", "test@example.net"));
		assertThat(parsed.authors()).hasSize(2);
		assertThat(parsed.to()).containsExactly(new EmailParticipant(null, "user0"));
		assertThat(parsed.cc()).extracting(EmailParticipant::address).containsExactly("localrecipient", "kohl@example.com");
	}

	@Test
	void lowerCasesAddressesAndReadsTheOldCommentForm() {
		ParsedEmail parsed = headers("From: Marc.Smith@Example.COM (Marc Smith)\nReply-To: Help <HELP@example.com>");
		assertThat(parsed.from()).isEqualTo(new EmailParticipant("Marc Smith", "marc.smith@example.com"));
		assertThat(parsed.replyTo()).containsExactly(new EmailParticipant("Help", "help@example.com"));
	}

	@Test
	void peopleOfABccMessageAreToAndCcWithoutOwnAddresses() {
		ParsedEmail parsed = headers("""
				From: Petra <petra@seller.example>
				To: Anna <anna@client.example>, petra@seller.example
				Cc: ANNA@client.example, Ben <ben@client.example>""");
		assertThat(parsed.people(Set.of("PETRA@seller.example")))
			.containsExactly(new EmailParticipant("Anna", "anna@client.example"),
					new EmailParticipant("Ben", "ben@client.example"));
	}

}
