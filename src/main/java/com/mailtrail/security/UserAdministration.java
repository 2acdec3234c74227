package com.mailtrail.security;

import java.util.UUID;

import com.mailtrail.tenancy.Tenant;
import com.mailtrail.tenancy.TenantContext;
import com.mailtrail.tenancy.TenantId;
import com.mailtrail.tenancy.TenantRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating tenants and users, and what an admin changes about users. */
@Service
public class UserAdministration {

	private final TenantRepository tenants;

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final LoginAddressQueries loginAddresses;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	UserAdministration(TenantRepository tenants, UserAccountRepository users, PasswordEncoder passwordEncoder,
			LoginAddressQueries loginAddresses, TransactionTemplate transactions, ApplicationEventPublisher events) {
		this.events = events;
		this.tenants = tenants;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.loginAddresses = loginAddresses;
		this.transactions = transactions;
	}

	/**
	 * Creates a company account and its first admin in one transaction. Sign-up is one of the places that binds a
	 * tenant: the new one, before the transaction starts, so Hibernate writes it on the admin's row.
	 */
	public TenantId signUp(String companyName, String adminName, String adminEmail, String password) {
		TenantId tenant = TenantId.random();
		return TenantContext.callAs(tenant, () -> this.transactions.execute(status -> {
			this.tenants.save(new Tenant(tenant, companyName.trim()));
			createUser(adminName, adminEmail, password, Role.ADMIN);
			return tenant;
		}));
	}

	/** Whether any user of any tenant signs in with this address. */
	public boolean loginEmailExists(String email) {
		return this.loginAddresses.isTaken(email);
	}

	@Transactional
	public UserSummary createUser(String displayName, String email, String password, Role role) {
		this.loginAddresses.requireUnused(email);
		UserAccount user = this.users.save(
				new UserAccount(email, displayName.trim(), this.passwordEncoder.encode(password), role));
		this.events.publishEvent(new UserCreated(TenantContext.required(), user.getId()));
		return UserSummary.of(user);
	}

	@Transactional
	public void changeRole(UUID actingAdmin, UUID userId, Role role) {
		UserAccount user = find(userId);
		if (user.getRole() == Role.ADMIN && role != Role.ADMIN) {
			requireAnotherActiveAdmin(actingAdmin, user);
		}
		user.changeRole(role);
	}

	@Transactional
	public void deactivate(UUID actingAdmin, UUID userId) {
		UserAccount user = find(userId);
		if (user.getId().equals(actingAdmin)) {
			throw new UserChangeRefusedException("You cannot deactivate your own account.");
		}
		if (user.getRole() == Role.ADMIN) {
			requireAnotherActiveAdmin(actingAdmin, user);
		}
		user.deactivate();
		changed(user);
	}

	@Transactional
	public void activate(UUID userId) {
		UserAccount user = find(userId);
		user.activate();
		changed(user);
	}

	@Transactional
	public void changeProfile(UUID userId, String displayName, String phone, String jobTitle) {
		find(userId).changeProfile(displayName.trim(), blankToNull(phone), blankToNull(jobTitle));
	}

	@Transactional
	public void addSecondaryEmail(UUID userId, String email) {
		this.loginAddresses.requireUnused(email);
		if (this.users.existsSecondaryEmail(email.trim())) {
			throw new EmailAlreadyInUseException(email);
		}
		UserAccount user = find(userId);
		user.addSecondaryEmail(email);
		changed(user);
	}

	@Transactional
	public void removeSecondaryEmail(UUID userId, UUID secondaryEmailId) {
		UserAccount user = find(userId);
		user.removeSecondaryEmail(secondaryEmailId);
		changed(user);
	}

	private void changed(UserAccount user) {
		this.events.publishEvent(new UserAccountChanged(TenantContext.required(), user.getId()));
	}

	@Transactional(readOnly = true)
	public UserAccount get(UUID userId) {
		UserAccount user = find(userId);
		user.getSecondaryEmails().size();
		return user;
	}

	private UserAccount find(UUID userId) {
		return this.users.findById(userId).orElseThrow(() -> new UserNotFoundException(userId));
	}

	private void requireAnotherActiveAdmin(UUID actingAdmin, UserAccount user) {
		long activeAdmins = this.users.countByRoleAndActiveTrue(Role.ADMIN);
		if (activeAdmins <= 1 && user.isActive()) {
			throw new UserChangeRefusedException("A company needs at least one active admin.");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
