package com.mailtrail.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The classification rules, in the order they are applied (the README's "Tracking" section repeats them):
 * <ol>
 * <li>SENDER: the request carries a signed-in Mailtrail session of the email's owner.</li>
 * <li>PROXY: a prefetch (a {@code Purpose}, {@code Sec-Purpose} or {@code X-Purpose} header saying prefetch or
 * preview), a known image proxy in the user agent (GoogleImageProxy / ggpht.com, YahooMailProxy, Outlook's and
 * Microsoft's image proxies), or Apple Mail Privacy Protection, which fetches with the bare user agent
 * {@code Mozilla/5.0} and nothing else. Opens only: a proxy never clicks, so a click with these marks is a scanner.</li>
 * <li>SCANNER: a known security gateway, crawler or HTTP library in the user agent (Proofpoint, Mimecast, Barracuda,
 * SafeLinks, Symantec, Trend Micro, FireEye, Zscaler, bots, curl, python, Java, Go…), no user agent at all (for a
 * click), a click within {@link #SCANNER_WINDOW} of sending, or the third click on different links of one email from
 * one address within a second.</li>
 * <li>PERSON: anything else.</li>
 * </ol>
 */
@Component
class AudienceClassifier {

	static final Duration SCANNER_WINDOW = Duration.ofSeconds(10);

	private static final List<String> PROXY_AGENTS = List.of("googleimageproxy", "ggpht.com", "yahoomailproxy",
			"outlook-imageproxy", "ms-office-imageproxy", "microsoft office image proxy", "feedfetcher");

	private static final Pattern SCANNER_AGENTS = Pattern.compile(
			"proofpoint|mimecast|barracuda|safelinks|safe links|symantec|messagelabs|trend ?micro|fireeye|zscaler|"
					+ "forcepoint|sophos|cisco|ironport|checkpoint|bitdefender|kaspersky|"
					+ "bot\\b|bot/|crawler|spider|scanner|headlesschrome|phantomjs|"
					+ "curl/|wget|python|java/|java-http-client|go-http-client|okhttp|libwww|httpclient|axios|node-fetch|apache-httpclient",
			Pattern.CASE_INSENSITIVE);

	private final Map<String, AgentKind> agents = new ConcurrentHashMap<>();

	Audience classify(Request request) {
		if (request.sender()) {
			return Audience.SENDER;
		}
		String agent = request.userAgent() == null ? "" : request.userAgent().strip();
		boolean click = request.click();
		AgentKind kind = agentKind(agent);
		if (prefetch(request.purpose()) || kind == AgentKind.PROXY) {
			return click ? Audience.SCANNER : Audience.PROXY;
		}
		if (kind == AgentKind.SCANNER) {
			return Audience.SCANNER;
		}
		if (click) {
			if (agent.isEmpty()) {
				return Audience.SCANNER;
			}
			Duration sinceSent = Duration.between(request.sentAt(), request.at());
			if (sinceSent.compareTo(SCANNER_WINDOW) < 0) {
				return Audience.SCANNER;
			}
			if (request.otherLinksClickedWithinASecond() >= 2) {
				return Audience.SCANNER;
			}
		}
		else if (agent.isEmpty()) {
			return Audience.PROXY;
		}
		return Audience.PERSON;
	}

	/** What the user agent alone says; remembered per agent string, since a few agents make most requests. */
	private AgentKind agentKind(String agent) {
		AgentKind known = this.agents.get(agent);
		if (known != null) {
			return known;
		}
		String lower = agent.toLowerCase(Locale.ROOT);
		AgentKind kind = PROXY_AGENTS.stream().anyMatch(lower::contains) || agent.equals("Mozilla/5.0") ? AgentKind.PROXY
				: SCANNER_AGENTS.matcher(agent).find() ? AgentKind.SCANNER : AgentKind.OTHER;
		if (this.agents.size() >= 10_000) {
			this.agents.clear();
		}
		this.agents.put(agent, kind);
		return kind;
	}

	private enum AgentKind {

		PROXY, SCANNER, OTHER

	}

	private static boolean prefetch(String purpose) {
		if (purpose == null) {
			return false;
		}
		String lower = purpose.toLowerCase(Locale.ROOT);
		return lower.contains("prefetch") || lower.contains("preview");
	}

	/**
	 * @param purpose the Purpose, Sec-Purpose or X-Purpose header, if any
	 * @param sender whether the request carries a session of the email's owner
	 * @param otherLinksClickedWithinASecond how many other links of the email this address clicked in the last second
	 */
	record Request(boolean click, String userAgent, String purpose, boolean sender, Instant sentAt, Instant at,
			int otherLinksClickedWithinASecond) {
	}

}
