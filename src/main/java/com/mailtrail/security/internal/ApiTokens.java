package com.mailtrail.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens. A token is 256 random bits shown to its owner once; only its SHA-256 is stored, which is
 * enough for a high-entropy secret and lets the lookup be a plain index hit.
 */
@Service
class ApiTokens {

	static final String PREFIX = "mt_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiTokenRepository tokens;

	ApiTokens(ApiTokenRepository tokens) {
		this.tokens = tokens;
	}

	/** Creates a token for the user and returns its plain value, which is never available again. */
	@Transactional
	String create(UUID userId, String name) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		this.tokens.save(new ApiToken(userId, name, hash(token), token.substring(0, PREFIX.length() + 4)));
		return token;
	}

	@Transactional(readOnly = true)
	List<ApiTokenSummary> listFor(UUID userId) {
		return this.tokens.findByUserIdOrderByCreatedAtDesc(userId).stream().map(ApiTokenSummary::of).toList();
	}

	@Transactional
	boolean revoke(UUID userId, UUID tokenId) {
		return this.tokens.deleteByIdAndUserId(tokenId, userId) > 0;
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
