package com.mailtrail.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without the rendering: real HTTP against the running app, with a cookie jar and the CSRF token of the
 * last page it read, so tests go through the same filter chain, session store and CSRF checks as a person.
 */
public final class HttpSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient client;

	private String csrf;

	public HttpSession(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/html"));
	}

	/** A GET as the page's script makes it, asking for JSON. */
	public Page getJson(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "application/json"));
	}

	/** Posts a form with the CSRF token of the last page read (a person can only post what a page offered). */
	public Page post(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (this.csrf != null) {
			all.putIfAbsent("_csrf", this.csrf);
		}
		return postRaw(path, all);
	}

	/** Posts exactly these fields: no CSRF token is added. */
	public Page postRaw(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public HttpSession login(String email, String password) {
		get("/login");
		Page result = post("/login", Map.of("username", email, "password", password));
		assertThat(result.status()).as("login redirects").isEqualTo(302);
		assertThat(result.location()).as("login of %s succeeded", email).doesNotContain("error");
		return this;
	}

	public Optional<String> sessionId() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("SESSION") || c.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			Page page = new Page(response.statusCode(), response.body(), response.headers().map());
			Matcher matcher = CSRF.matcher(page.body());
			if (matcher.find()) {
				this.csrf = matcher.group(1);
			}
			return page;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create(path.startsWith("http") ? path : this.base + path);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	public record Page(int status, String body, Map<String, java.util.List<String>> headers) {

		public String location() {
			var values = this.headers.get("location");
			return values == null || values.isEmpty() ? "" : values.get(0);
		}

		public String header(String name) {
			var values = this.headers.get(name.toLowerCase());
			return values == null || values.isEmpty() ? null : values.get(0);
		}

	}

}
