package com.mailtrail.tracking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingTokensAndLocationTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			https://example.com/a?b=c&d=e#f            | https://example.com/a?b=c&d=e#f
			https://bücher.example/straße              | https://xn--bcher-kva.example/stra%C3%9Fe
			https://example.com/%E2%82%AC/€            | https://example.com/%E2%82%AC/%E2%82%AC
			https://user:pw@例え.jp:8080/パス?q=値#頭   | https://user:pw@xn--r8jz45g.jp:8080/%E3%83%91%E3%82%B9?q=%E5%80%A4#%E9%A0%AD
			http://[2001:db8::1]:8080/x                | http://[2001:db8::1]:8080/x
			HTTPS://EXAMPLE.COM/A B                    | HTTPS://EXAMPLE.COM/A%20B
			""")
	void locationIsTheUrlAsABrowserWouldSendIt(String url, String location) {
		assertThat(RedirectLocation.of(url.strip())).isEqualTo(location.strip());
	}

	@Test
	void ipAddressesAreTruncated() {
		assertThat(TrackingController.truncatedIp("203.0.113.77")).isEqualTo("203.0.113.0");
		assertThat(TrackingController.truncatedIp("2001:db8:85a3:8d3:1319:8a2e:370:7348")).isEqualTo("2001:db8:85a3::");
		assertThat(TrackingController.truncatedIp("::ffff:198.51.100.9")).isEqualTo("198.51.100.0");
		assertThat(TrackingController.truncatedIp("1.2.3")).isNull();
		assertThat(TrackingController.truncatedIp("unknown")).isNull();
		assertThat(TrackingController.truncatedIp(null)).isNull();
	}

}
