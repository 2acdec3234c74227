package com.mailtrail.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.mailtrail.tenancy.TenantScopedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

@Entity
@Table(name = "user_account")
public class UserAccount extends TenantScopedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(nullable = false)
	private String email;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(nullable = false)
	private boolean active = true;

	private String phone;

	@Column(name = "job_title")
	private String jobTitle;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.now();

	@OneToMany(mappedBy = "user", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("email")
	private List<SecondaryEmail> secondaryEmails = new ArrayList<>();

	protected UserAccount() {
	}

	public UserAccount(String email, String displayName, String passwordHash, Role role) {
		this.email = normalise(email);
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
	}

	static String normalise(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	public UUID getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public Role getRole() {
		return this.role;
	}

	public boolean isActive() {
		return this.active;
	}

	public String getPhone() {
		return this.phone;
	}

	public String getJobTitle() {
		return this.jobTitle;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public List<SecondaryEmail> getSecondaryEmails() {
		return List.copyOf(this.secondaryEmails);
	}

	void changeProfile(String displayName, String phone, String jobTitle) {
		this.displayName = displayName;
		this.phone = phone;
		this.jobTitle = jobTitle;
	}

	void changeRole(Role role) {
		this.role = role;
	}

	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void deactivate() {
		this.active = false;
	}

	void activate() {
		this.active = true;
	}

	void addSecondaryEmail(String email) {
		this.secondaryEmails.add(new SecondaryEmail(this, normalise(email)));
	}

	boolean removeSecondaryEmail(UUID secondaryEmailId) {
		return this.secondaryEmails.removeIf(e -> e.getId().equals(secondaryEmailId));
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

}
