package com.mailtrail.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the REST API over real HTTP with a bearer token, as a script would. */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final String token;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public ApiClient(int port, String token) {
		this.base = "http://localhost:" + port;
		this.token = token;
	}

	/** Exchanges a login for a token through the API itself. */
	public static ApiClient login(int port, String email, String password) {
		Response response = new ApiClient(port, null).send("POST", "/api/v1/auth/token",
				JSON.createObjectNode().put("email", email).put("password", password).toString());
		if (response.status() != 201) {
			throw new IllegalStateException("Token exchange failed: " + response);
		}
		return new ApiClient(port, response.json().get("token").asString());
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response post(String path, Object body) {
		return send("POST", path, JSON.writeValueAsString(body));
	}

	public Response put(String path, Object body) {
		return send("PUT", path, JSON.writeValueAsString(body));
	}

	public Response delete(String path) {
		return send("DELETE", path, null);
	}

	public Response send(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, String body, String contentType) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
