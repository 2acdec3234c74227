package com.mailtrail.mail.inbound;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderSectionTests {

	@Test
	void readsEveryMailboxOfTheFromHeaderLowerCase() {
		HeaderSection headers = HeaderSection.of(bytes("Subject: Hi\r\nFrom: \"Smith, Alice\" <Alice@Acme.example>,"
				+ "\r\n bob@acme.example\r\n\r\nFrom: body@not.header\r\n"));

		assertThat(headers.fromAddresses()).contains(List.of("alice@acme.example", "bob@acme.example"));
	}

	@Test
	void decodesEncodedDisplayNames() {
		HeaderSection headers = HeaderSection.of(bytes("From: =?UTF-8?Q?J=C3=BCrgen?= <juergen@acme.example>\r\n\r\n"));

		assertThat(headers.fromAddresses()).contains(List.of("juergen@acme.example"));
	}

	@Test
	void treatsMissingOrEmptyFromAsUnknown() {
		assertThat(HeaderSection.of(bytes("Subject: Hi\r\n\r\nbody")).fromAddresses()).isEmpty();
		assertThat(HeaderSection.of(bytes("From: \r\n\r\n")).fromAddresses()).isEmpty();
		assertThat(HeaderSection.of(bytes("From: undisclosed-recipients:;\r\n\r\n")).fromAddresses()).isEmpty();
	}

	@Test
	void acceptsLongLinesAndBareLineFeeds() {
		HeaderSection headers = HeaderSection.of(bytes("X-A: " + "a".repeat(140_000) + "\nFrom: a@b.example\n\nbody"));

		assertThat(headers.isTooLarge()).isFalse();
		assertThat(headers.fromAddresses()).contains(List.of("a@b.example"));
	}

	@Test
	void findsHeaderSectionsWithoutEndPastTheLimit() {
		byte[] headers = bytes("X-Filler: x\r\n".repeat(HeaderSection.MAX_SECTION_SIZE / 13 + 1));

		assertThat(HeaderSection.of(headers).isTooLarge()).isTrue();
		assertThat(HeaderSection.of(bytes("Subject: no body\r\n")).isTooLarge()).isFalse();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
