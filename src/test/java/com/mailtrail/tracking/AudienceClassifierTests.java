package com.mailtrail.tracking;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The classification rules on user agents and headers seen in the wild. */
class AudienceClassifierTests {

	private final AudienceClassifier classifier = new AudienceClassifier();

	private static final Instant SENT = Instant.parse("2026-12-03T10:00:00Z");

	@ParameterizedTest(name = "{0} {1} -> {4}")
	@CsvSource(delimiter = '|', textBlock = """
			OPEN  | Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)       |          | 3600 | PROXY
			OPEN  | YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html                          |          | 3600 | PROXY
			OPEN  | Mozilla/5.0                                                                                        |          | 3600 | PROXY
			OPEN  | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36       | prefetch | 3600 | PROXY
			OPEN  | Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)         |          | 5    | PERSON
			OPEN  | Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 | | 3600 | PERSON
			OPEN  | Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)                         |          | 3600 | PERSON
			OPEN  | Mozilla/5.0 (Windows NT 10.0; Win64; x64; Trident/7.0; rv:11.0) like Gecko ms-office-imageproxy   |          | 3600 | PROXY
			OPEN  |                                                                                                    |          | 3600 | PROXY
			OPEN  | Barracuda Sentinel (EE)                                                                            |          | 3600 | SCANNER
			CLICK | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36       |          | 3600 | PERSON
			CLICK | Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36       |          | 3    | SCANNER
			CLICK | Mozilla/5.0 (compatible; Proofpoint URL Defense)                                                   |          | 3600 | SCANNER
			CLICK | Mimecast-URL-Protect/1.0                                                                           |          | 3600 | SCANNER
			CLICK | Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0; Microsoft SafeLinks)               |          | 3600 | SCANNER
			CLICK | Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)                          |          | 3600 | SCANNER
			CLICK | curl/8.5.0                                                                                         |          | 3600 | SCANNER
			CLICK | python-requests/2.31.0                                                                             |          | 3600 | SCANNER
			CLICK | Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36 | | 3600 | SCANNER
			CLICK |                                                                                                    |          | 3600 | SCANNER
			CLICK | Mozilla/5.0                                                                                        |          | 3600 | SCANNER
			""")
	void classifiesByAgentHeadersAndTiming(String kind, String agent, String purpose, long secondsAfterSending,
			Audience expected) {
		var request = new AudienceClassifier.Request("CLICK".equals(kind), agent, purpose, false, SENT,
				SENT.plus(Duration.ofSeconds(secondsAfterSending)), 0);
		assertThat(this.classifier.classify(request)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "0, PERSON", "1, PERSON", "2, SCANNER", "5, SCANNER" })
	void manyLinksWithinASecondAreAScanner(int otherLinks, Audience expected) {
		var request = new AudienceClassifier.Request(true, TrackingFixtures.CHROME, null, false, SENT,
				SENT.plusSeconds(3600), otherLinks);
		assertThat(this.classifier.classify(request)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "true", "false" })
	void theSignedInOwnerIsTheSenderWhateverTheAgent(boolean click) {
		var request = new AudienceClassifier.Request(click, "Mozilla/5.0", null, true, SENT, SENT.plusSeconds(1), 9);
		assertThat(this.classifier.classify(request)).isEqualTo(Audience.SENDER);
	}

}
