package com.mailtrail.tracking;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mailtrail.platform.DeploymentSecret;

import org.springframework.stereotype.Component;

/**
 * Tokens of tracking URLs: 128 random bits (the id the database keeps) followed by a 96-bit HMAC of them under a key
 * derived from the deployment secret, base64url without padding (38 characters). A guessed, altered or truncated
 * token, or one from a deployment with another secret, fails the HMAC and is refused without a database query; the
 * database alone cannot produce valid tokens either.
 */
@Component
class TrackingTokens {

	static final int ID_BYTES = 16;

	static final int MAC_BYTES = 12;

	static final int TOKEN_LENGTH = 38;

	private final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	private final ThreadLocal<Mac> macs;

	TrackingTokens(DeploymentSecret secret) {
		this.key = new SecretKeySpec(secret.deriveKey("tracking-token").getEncoded(), "HmacSHA256");
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	/** A fresh random id for a new token. */
	byte[] newId() {
		byte[] id = new byte[ID_BYTES];
		this.random.nextBytes(id);
		return id;
	}

	String token(byte[] id) {
		byte[] token = Arrays.copyOf(id, ID_BYTES + MAC_BYTES);
		System.arraycopy(mac(id), 0, token, ID_BYTES, MAC_BYTES);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
	}

	/** The id inside a token, if the token is well formed and its HMAC is ours. */
	Optional<byte[]> verify(String token) {
		if (token == null || token.length() != TOKEN_LENGTH) {
			return Optional.empty();
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (bytes.length != ID_BYTES + MAC_BYTES) {
			return Optional.empty();
		}
		byte[] id = Arrays.copyOf(bytes, ID_BYTES);
		byte[] expected = Arrays.copyOf(mac(id), MAC_BYTES);
		byte[] given = Arrays.copyOfRange(bytes, ID_BYTES, bytes.length);
		// Base64 decoding accepts a few non-canonical spellings of the last characters: only the canonical one counts.
		if (!MessageDigest.isEqual(expected, given) || !token.equals(token(id))) {
			return Optional.empty();
		}
		return Optional.of(id);
	}

	private byte[] mac(byte[] id) {
		Mac mac = this.macs.get();
		return mac.doFinal(id);
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
