package com.mailtrail.mail;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.mailtrail.security.AccountDetailsContributor;
import com.mailtrail.security.CurrentUser;
import com.mailtrail.tenancy.TenantContext;
import com.mailtrail.tenancy.TenantId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's personal Smart BCC address: {@code <token>@<inbound domain>}, the token 80 random bits in lower-case
 * base32, so addresses cannot be guessed and survive mail systems that lower-case local parts.
 */
@Service
public class SmartBccAddresses implements AccountDetailsContributor {

	static final int TOKEN_LENGTH = 16;

	private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SmartBccRouteQueries routes;

	private final MailSettings settings;

	private final SmartBccRouteCache cache;

	SmartBccAddresses(SmartBccRouteQueries routes, MailSettings settings, SmartBccRouteCache cache) {
		this.routes = routes;
		this.settings = settings;
		this.cache = cache;
	}

	/** The user's address, created on first use. */
	@Transactional
	public String addressOf(UUID userId) {
		TenantId tenant = TenantContext.required();
		String token = this.routes.tokenOf(tenant, userId).orElseGet(() -> {
			String fresh = newToken();
			this.routes.replace(tenant, userId, fresh);
			return fresh;
		});
		return token + "@" + domain();
	}

	/** Replaces the user's address; mail to the old one is refused from now on. */
	@Transactional
	public String regenerate(UUID userId) {
		String token = newToken();
		this.routes.replace(TenantContext.required(), userId, token);
		this.cache.forgetAfterCommit();
		return token + "@" + domain();
	}

	/** The token of an address at our inbound domain, or empty for any other address. */
	public Optional<String> tokenIn(String address) {
		int at = address.lastIndexOf('@');
		if (at <= 0 || !address.substring(at + 1).equalsIgnoreCase(domain())) {
			return Optional.empty();
		}
		String token = address.substring(0, at).toLowerCase(Locale.ROOT);
		return token.length() == TOKEN_LENGTH ? Optional.of(token) : Optional.empty();
	}

	@Override
	public Map<String, Object> details(CurrentUser user) {
		return Map.of("bccAddress", addressOf(user.userId()));
	}

	private String domain() {
		return this.settings.inboundDomain().toLowerCase(Locale.ROOT);
	}

	static String newToken() {
		char[] token = new char[TOKEN_LENGTH];
		for (int i = 0; i < TOKEN_LENGTH; i++) {
			token[i] = BASE32[RANDOM.nextInt(BASE32.length)];
		}
		return new String(token);
	}

}
