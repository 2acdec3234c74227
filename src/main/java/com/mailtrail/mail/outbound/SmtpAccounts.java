package com.mailtrail.mail.outbound;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's outgoing account: saved with its password encrypted, and tested for real. */
@Service
public class SmtpAccounts {

	private final SmtpAccountRepository accounts;

	private final SmtpPasswordCipher cipher;

	private final SmtpConnectionTester tester;

	SmtpAccounts(SmtpAccountRepository accounts, SmtpPasswordCipher cipher, SmtpConnectionTester tester) {
		this.accounts = accounts;
		this.cipher = cipher;
		this.tester = tester;
	}

	@Transactional(readOnly = true)
	public Optional<SmtpAccount> of(UUID userId) {
		return this.accounts.findByUserId(userId);
	}

	@Transactional
	public SmtpAccount save(UUID userId, SmtpAccountSettings settings) {
		SmtpAccount account = this.accounts.findByUserId(userId).orElseGet(() -> new SmtpAccount(userId));
		account.configure(settings.host().trim(), settings.port(), settings.security(), blankToNull(settings.username()),
				blankToNull(settings.senderName()), settings.senderAddress().trim());
		if (settings.password() != null && !settings.password().isEmpty()) {
			account.storePassword(this.cipher.encrypt(settings.password(), account.getId()));
		}
		else if (account.getUsername() == null) {
			account.storePassword(null);
		}
		return this.accounts.save(account);
	}

	@Transactional
	public void remove(UUID userId) {
		this.accounts.findByUserId(userId).ifPresent(this.accounts::delete);
	}

	/**
	 * Tests the settings as entered; a blank password means the stored one, so a user can test without typing it
	 * again.
	 */
	@Transactional(readOnly = true)
	public ConnectionTestResult test(UUID userId, SmtpAccountSettings settings) {
		String password = settings.password();
		if (password == null || password.isEmpty()) {
			password = this.accounts.findByUserId(userId)
				.filter(SmtpAccount::hasPassword)
				.map(a -> this.cipher.decrypt(a.getPasswordCiphertext(), a.getId()))
				.orElse(null);
		}
		return this.tester.test(settings, password);
	}

	/** The stored password in clear, for the sender only; never shown or logged. */
	@Transactional(readOnly = true)
	String passwordOf(SmtpAccount account) {
		return account.hasPassword() ? this.cipher.decrypt(account.getPasswordCiphertext(), account.getId()) : null;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
