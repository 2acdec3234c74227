package com.mailtrail.mail.inbound;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpSmugglingDetectorTests {

	@ParameterizedTest
	@ValueSource(strings = { "a\n.\nb", "a\r.\rb", "a\n.\r\nb", "a\r.\r\nb", "a\r\n.\nb", "a\r\n.\rb", ".\nb",
			"a\r\n.\r" })
	void findsADotLineWithABareLineEnding(String data) {
		assertThat(SmtpSmugglingDetector.containsBareLineEndingDotLine(bytes(data))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\r\n.\r\nb", "a\r\n..\r\nb", "a\n.b\n", "a\n\nb", "a.\nb", "a\r\n.", "", "." })
	void ignoresDotLinesWithCrLfAndDotsInsideLines(String data) {
		assertThat(SmtpSmugglingDetector.containsBareLineEndingDotLine(bytes(data))).isFalse();
	}

	private static byte[] bytes(String data) {
		return data.getBytes(StandardCharsets.US_ASCII);
	}

}
