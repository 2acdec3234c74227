package com.mailtrail.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The deployment's master secret ({@code MAILTRAIL_SECRET}). Each use (password encryption, token signing) gets its
 * own key derived from it, so one leaked key does not reveal the others. On the embedded default a secret is
 * generated once and kept in the data directory; with an external database the application refuses to start without
 * one, because a generated secret would differ between instances.
 */
@Component
public class DeploymentSecret {

	static final int MINIMUM_LENGTH = 32;

	private final byte[] master;

	DeploymentSecret(PlatformSettings settings, ObjectProvider<EmbeddedPostgres> embeddedDatabase) {
		this.master = resolve(settings, embeddedDatabase.getIfAvailable() != null).getBytes(StandardCharsets.UTF_8);
	}

	/** A 256-bit key for one purpose, e.g. {@code "smtp-password"} or {@code "tracking-token"}. */
	public SecretKeySpec deriveKey(String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.master, "HmacSHA256"));
			byte[] key = mac.doFinal(("mailtrail:" + purpose).getBytes(StandardCharsets.UTF_8));
			return new SecretKeySpec(key, "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static String resolve(PlatformSettings settings, boolean embedded) {
		String configured = settings.secret();
		if (configured != null && !configured.isBlank()) {
			if (configured.length() < MINIMUM_LENGTH) {
				throw new MissingSecretException(
						"MAILTRAIL_SECRET is too short: use at least " + MINIMUM_LENGTH + " random characters");
			}
			return configured;
		}
		if (!embedded) {
			throw new MissingSecretException("MAILTRAIL_SECRET must be set when Mailtrail uses an external database "
					+ "(at least " + MINIMUM_LENGTH + " random characters, the same on every instance)");
		}
		return readOrCreate(settings.dataDir().resolve("secret.key"));
	}

	private static String readOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file).trim();
			}
			Files.createDirectories(file.getParent());
			byte[] random = new byte[48];
			new SecureRandom().nextBytes(random);
			String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Files.writeString(file, secret);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the file keeps the default permissions
			}
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create " + file, ex);
		}
	}

	@Override
	public String toString() {
		return "DeploymentSecret[<hidden>]";
	}

	/** Thrown at start-up when no usable secret is configured. */
	public static class MissingSecretException extends IllegalStateException {

		MissingSecretException(String message) {
			super(message);
		}

	}

}
