package com.mailtrail.security;

import java.util.Map;

import com.mailtrail.support.HttpSession;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@MailtrailIntegrationTest
class LoginIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	UserAdministration administration;

	TestTenant acme;

	@BeforeEach
	void createTenant() {
		this.acme = this.tenants.create("Login Co");
	}

	@Test
	void anonymousVisitorIsSentToTheLoginPage() {
		var page = new HttpSession(this.port).get("/deals");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).endsWith("/login");
	}

	@Test
	void demoUserSignsInAndSeesTheDemoDeals() {
		var session = new HttpSession(this.port).login("alice@acme.test", "mailtrail");
		var deals = session.get("/deals");
		assertThat(deals.status()).isEqualTo(200);
		assertThat(deals.body()).contains("Globex annual renewal").contains("Initech pilot");
	}

	@Test
	void wrongPasswordIsRefusedWithAMessage() {
		var session = new HttpSession(this.port);
		session.get("/login");
		var result = session.post("/login", Map.of("username", this.acme.rep().email(), "password", "wrong-password"));
		assertThat(result.location()).endsWith("/login?error");
		assertThat(session.get("/login?error").body()).contains("do not match an active account");
	}

	@Test
	void repeatedWrongPasswordsLockTheLoginForAWhileEvenForTheRightPassword() {
		String login = this.acme.other().email();
		var session = new HttpSession(this.port);
		for (int i = 0; i < 5; i++) {
			session.get("/login");
			session.post("/login", Map.of("username", login, "password", "guess-" + i));
		}
		session.get("/login");
		var refused = session.post("/login", Map.of("username", login, "password", TestTenants.PASSWORD));
		assertThat(refused.location()).endsWith("/login?locked");
		assertThat(session.get("/login?locked").body()).contains("Too many failed sign-ins");
		var api = new com.mailtrail.support.ApiClient(this.port, null).send("POST", "/api/v1/auth/token",
				"{\"email\":\"" + login + "\",\"password\":\"" + TestTenants.PASSWORD + "\"}");
		assertThat(api.status()).isEqualTo(429);
		assertThat(new HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD))
			.as("other logins are not affected")
			.isNotNull();
	}

	@Test
	void loginWithoutCsrfTokenIsForbidden() {
		var session = new HttpSession(this.port);
		session.get("/login");
		var result = session.postRaw("/login",
				Map.of("username", this.acme.rep().email(), "password", TestTenants.PASSWORD));
		assertThat(result.status()).isEqualTo(403);
		assertThat(session.get("/deals").status()).isEqualTo(302);
	}

	@Test
	void formPostWithoutCsrfTokenIsForbiddenForASignedInUser() {
		var session = new HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD);
		var result = session.postRaw("/contacts/new", Map.of("lastName", "Forged", "ownerId",
				this.acme.rep().id().toString()));
		assertThat(result.status()).isEqualTo(403);
		assertThat(session.get("/contacts?q=Forged").body()).contains("No contacts found");
	}

	@Test
	void sessionIdChangesAtLoginSoAFixedSessionIsUseless() {
		var session = new HttpSession(this.port);
		session.get("/login");
		String before = session.sessionId().orElseThrow();
		session.post("/login", Map.of("username", this.acme.rep().email(), "password", TestTenants.PASSWORD));
		assertThat(session.sessionId()).isPresent().get().isNotEqualTo(before);
	}

	@Test
	void deactivatedUserCannotSignIn() {
		this.acme.as(() -> {
			this.administration.deactivate(this.acme.admin().id(), this.acme.other().id());
			return null;
		});
		var session = new HttpSession(this.port);
		session.get("/login");
		var result = session.post("/login", Map.of("username", this.acme.other().email(), "password",
				TestTenants.PASSWORD));
		assertThat(result.location()).endsWith("/login?error");
	}

	@Test
	void deactivatedUserLosesTheirOpenSession() {
		var session = new HttpSession(this.port).login(this.acme.other().email(), TestTenants.PASSWORD);
		assertThat(session.get("/deals").status()).isEqualTo(200);
		this.acme.as(() -> {
			this.administration.deactivate(this.acme.admin().id(), this.acme.other().id());
			return null;
		});
		var refused = session.get("/deals");
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.location()).endsWith("/login?deactivated");
		assertThat(session.get("/login?deactivated").body()).contains("Your account has been deactivated.");
		assertThat(session.get("/deals").location()).as("the session is gone").endsWith("/login");
	}

	@Test
	void pagesCarryAContentSecurityPolicyWithoutInlineScript() {
		var session = new HttpSession(this.port);
		var page = session.get("/login");
		assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void userCannotOpenAdminPages() {
		var session = new HttpSession(this.port).login(this.acme.rep().email(), TestTenants.PASSWORD);
		var page = session.get("/admin/users");
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).contains("You don't have access to this page");
	}

	@Test
	void signUpCreatesATenantWhoseAdminCanSignIn() {
		var session = new HttpSession(this.port);
		session.get("/signup");
		String email = "founder-" + System.nanoTime() + "@newco.test";
		var result = session.post("/signup",
				Map.of("companyName", "NewCo", "name", "Nia Founder", "email", email, "password", "long-enough-pw"));
		assertThat(result.status()).isEqualTo(302);
		session.login(email, "long-enough-pw");
		assertThat(session.get("/admin/users").body()).contains("Nia Founder").contains(email);
	}

	@Test
	void signUpExplainsWhatIsWrongWithTheForm() {
		var session = new HttpSession(this.port);
		session.get("/signup");
		var result = session.post("/signup",
				Map.of("companyName", "", "name", "X", "email", "not-an-address", "password", "short"));
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.body()).contains("Enter the name of your company.")
			.contains("That is not a valid email address.")
			.contains("Use at least 8 characters");
	}

	@Test
	void signUpWithATakenAddressSaysSo() {
		var session = new HttpSession(this.port);
		session.get("/signup");
		var result = session.post("/signup", Map.of("companyName", "Copycat", "name", "X", "email",
				this.acme.rep().email().toUpperCase(), "password", "long-enough-pw"));
		assertThat(result.body()).contains("already exists");
	}

}
