package com.mailtrail.mail.outbound;

import java.time.Instant;
import java.util.UUID;

import com.mailtrail.tenancy.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

/** A user's outgoing SMTP account. The password is only ever held encrypted; see {@link SmtpPasswordCipher}. */
@Entity
@Table(name = "smtp_account")
public class SmtpAccount extends TenantScopedEntity {

	/** Assigned, not generated: the password's ciphertext is bound to the id before the first insert. */
	@Id
	private UUID id;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	@Column(nullable = false)
	private String host;

	@Column(nullable = false)
	private int port;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SmtpSecurity security;

	private String username;

	@Column(name = "password_ciphertext")
	private byte[] passwordCiphertext;

	@Column(name = "sender_name")
	private String senderName;

	@Column(name = "sender_address", nullable = false)
	private String senderAddress;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt = Instant.now();

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt = Instant.now();

	protected SmtpAccount() {
	}

	SmtpAccount(UUID userId) {
		this.id = UUID.randomUUID();
		this.userId = userId;
	}

	void configure(String host, int port, SmtpSecurity security, String username, String senderName,
			String senderAddress) {
		this.host = host;
		this.port = port;
		this.security = security;
		this.username = username;
		this.senderName = senderName;
		this.senderAddress = senderAddress;
	}

	void storePassword(byte[] ciphertext) {
		this.passwordCiphertext = ciphertext;
	}

	@PreUpdate
	void touch() {
		this.updatedAt = Instant.now();
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public String getHost() {
		return this.host;
	}

	public int getPort() {
		return this.port;
	}

	public SmtpSecurity getSecurity() {
		return this.security;
	}

	public String getUsername() {
		return this.username;
	}

	public boolean hasPassword() {
		return this.passwordCiphertext != null;
	}

	byte[] getPasswordCiphertext() {
		return this.passwordCiphertext;
	}

	public String getSenderName() {
		return this.senderName;
	}

	public String getSenderAddress() {
		return this.senderAddress;
	}

	@Override
	public String toString() {
		return "SmtpAccount[" + this.id + ", " + this.host + ":" + this.port + ", password=<hidden>]";
	}

}
