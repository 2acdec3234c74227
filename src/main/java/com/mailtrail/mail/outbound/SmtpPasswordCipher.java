package com.mailtrail.mail.outbound;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.mailtrail.platform.DeploymentSecret;

import org.springframework.stereotype.Component;

/**
 * Encrypts SMTP passwords with AES-256-GCM under a key derived from the deployment secret. The account id is the
 * associated data, so a ciphertext copied onto another account does not decrypt. Layout: 12-byte nonce, then
 * ciphertext with its 16-byte tag.
 */
@Component
class SmtpPasswordCipher {

	private static final int NONCE_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	SmtpPasswordCipher(DeploymentSecret secret) {
		this.key = secret.deriveKey("smtp-password");
	}

	byte[] encrypt(String password, UUID accountId) {
		try {
			byte[] nonce = new byte[NONCE_LENGTH];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData(accountId));
			byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt the SMTP password", ex);
		}
	}

	String decrypt(byte[] ciphertext, UUID accountId) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, ciphertext, 0, NONCE_LENGTH));
			cipher.updateAAD(associatedData(accountId));
			byte[] plain = cipher.doFinal(ciphertext, NONCE_LENGTH, ciphertext.length - NONCE_LENGTH);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The stored SMTP password cannot be decrypted with this deployment's secret");
		}
	}

	private static byte[] associatedData(UUID accountId) {
		return accountId.toString().getBytes(StandardCharsets.US_ASCII);
	}

}
