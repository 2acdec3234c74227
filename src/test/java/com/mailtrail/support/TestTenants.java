package com.mailtrail.support;

import java.util.UUID;

import com.mailtrail.security.Role;
import com.mailtrail.security.UserAdministration;
import com.mailtrail.security.UserDirectory;
import com.mailtrail.security.UserSummary;
import com.mailtrail.tenancy.TenantContext;
import com.mailtrail.tenancy.TenantId;

import org.springframework.stereotype.Component;

/** Makes fresh tenants with unique logins, so tests sharing one database never see each other's data. */
@Component
public class TestTenants {

	public static final String PASSWORD = "correct-horse-battery";

	private final UserAdministration administration;

	private final UserDirectory directory;

	public TestTenants(UserAdministration administration, UserDirectory directory) {
		this.administration = administration;
		this.directory = directory;
	}

	public TestTenant create(String name) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String admin = "admin-" + suffix + "@" + name.toLowerCase().replace(' ', '-') + ".test";
		TenantId tenant = this.administration.signUp(name, "Admin " + suffix, admin, PASSWORD);
		return TenantContext.callAs(tenant, () -> {
			UserSummary rep = this.administration.createUser("Rep " + suffix, "rep-" + suffix + "@" + tenant + ".test",
					PASSWORD, Role.USER);
			UserSummary other = this.administration.createUser("Other " + suffix,
					"other-" + suffix + "@" + tenant + ".test", PASSWORD, Role.USER);
			UUID adminId = this.directory.all()
				.stream()
				.filter(u -> u.email().equals(admin))
				.findFirst()
				.orElseThrow()
				.id();
			return new TestTenant(tenant, new TestUser(adminId, admin), new TestUser(rep.id(), rep.email()),
					new TestUser(other.id(), other.email()));
		});
	}

	public record TestUser(UUID id, String email) {
	}

	/** A tenant with an admin and two reps. */
	public record TestTenant(TenantId id, TestUser admin, TestUser rep, TestUser other) {

		public <T> T as(java.util.function.Supplier<T> action) {
			return TenantContext.callAs(this.id, action);
		}

	}

}
