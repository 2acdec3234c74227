package com.mailtrail.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.mailtrail.tenancy.TenantId;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated user, as stored in the (database-backed) HTTP session. Immutable apart from the password hash,
 * which Spring Security erases right after login.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

	private static final long serialVersionUID = 1L;

	private final UUID userId;

	private final TenantId tenantId;

	private final String email;

	private final String displayName;

	private final Role role;

	private final boolean active;

	private String passwordHash;

	private boolean locked;

	public CurrentUser(UUID userId, TenantId tenantId, String email, String displayName, Role role, boolean active,
			String passwordHash) {
		this.userId = Objects.requireNonNull(userId);
		this.tenantId = Objects.requireNonNull(tenantId);
		this.email = email;
		this.displayName = displayName;
		this.role = role;
		this.active = active;
		this.passwordHash = passwordHash;
	}

	public UUID userId() {
		return this.userId;
	}

	public TenantId tenantId() {
		return this.tenantId;
	}

	public String email() {
		return this.email;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.active;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	/** This user, locked against signing in for now (too many failed attempts). */
	public CurrentUser locked() {
		CurrentUser copy = new CurrentUser(this.userId, this.tenantId, this.email, this.displayName, this.role,
				this.active, this.passwordHash);
		copy.locked = true;
		return copy;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CurrentUser that && this.userId.equals(that.userId);
	}

	@Override
	public int hashCode() {
		return this.userId.hashCode();
	}

	@Override
	public String toString() {
		return "CurrentUser[" + this.userId + "]";
	}

}
