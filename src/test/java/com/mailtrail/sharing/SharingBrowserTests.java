package com.mailtrail.sharing;

import java.time.Duration;
import java.util.UUID;

import com.mailtrail.mail.EmailLinks;
import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.RecordType;
import com.mailtrail.support.ApiClient;
import com.mailtrail.support.Browser;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.tenancy.TenantContext;
import com.mailtrail.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.mailtrail.support.MailDelivery.message;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 4's walk-through: bob cannot see alice's private email on a deal he follows until she makes Deals Public. */
@MailtrailIntegrationTest
@ExtendWith(Browser.class)
class SharingBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	MailDelivery mail;

	@Autowired
	EmailRepository emails;

	@Autowired
	EmailLinks links;

	@Autowired
	SharingPolicies policies;

	@Autowired
	JdbcClient jdbc;

	TenantId acme;

	UUID alice;

	@AfterEach
	void alicePrivateAgain() {
		if (this.acme != null) {
			TenantContext.runAs(this.acme,
					() -> this.policies.change(this.alice, this.alice, SharingModule.DEALS, SharingLevel.PRIVATE));
		}
	}

	@Test
	void bobSeesAlicesEmailOnTheDealOnlyAfterSheMakesDealsPublic(WebDriver browser) {
		var row = this.jdbc.sql("select id, tenant_id from user_account where email = 'alice@acme.test'")
			.query((rs, n) -> new UUID[] { rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class) })
			.single();
		this.alice = row[0];
		this.acme = TenantId.of(row[1]);
		UUID renewal = this.jdbc.sql("select id from deal where tenant_id = :t and title = 'Globex annual renewal'")
			.param("t", row[1])
			.query(UUID.class)
			.single();
		String bcc = ApiClient.login(this.port, "alice@acme.test", "mailtrail").get("/api/v1/me").json()
			.get("bccAddress").asString();
		String subject = "Discount terms " + UUID.randomUUID().toString().substring(0, 8);
		String id = UUID.randomUUID() + "@acme.test";
		this.mail.send("alice@acme.test", bcc,
				message("Alice Anders <alice@acme.test>", "pat.jones@globex.example", null, subject, id, "20% off"));
		this.mail.awaitProcessed();
		TenantContext.runAs(this.acme, () -> {
			UUID emailId = this.emails.findByDedupeKey("mid:" + id).orElseThrow().getId();
			this.links.link(emailId, RecordType.DEAL, renewal, "linked by Alice Anders", this.alice);
			this.policies.change(this.alice, this.alice, SharingModule.DEALS, SharingLevel.PRIVATE);
		});
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		String dealPage = "http://localhost:" + this.port + "/deals/" + renewal;

		signIn(browser, wait, "bob@acme.test");
		browser.get(dealPage);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Globex annual renewal"));
		assertThat(browser.findElement(By.id("emails-heading")).findElement(By.xpath("..")).getText())
			.as("alice's emails are private").doesNotContain(subject);
		signOut(browser, wait);

		signIn(browser, wait, "alice@acme.test");
		browser.get("http://localhost:" + this.port + "/settings/email/preferences");
		new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sharing-DEALS"))))
			.selectByVisibleText("Public");
		browser.findElement(By.xpath("//button[text()='Save sharing']")).sendKeys(org.openqa.selenium.Keys.ENTER);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Email sharing saved."));
		signOut(browser, wait);

		signIn(browser, wait, "bob@acme.test");
		browser.get(dealPage);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Globex annual renewal"));
		assertThat(browser.findElement(By.linkText(subject)).isDisplayed()).isTrue();
		Browser.screenshot(browser, "shared-on-deal");
		signOut(browser, wait);
	}

	private void signIn(WebDriver browser, WebDriverWait wait, String login) {
		browser.get("http://localhost:" + this.port + "/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(login);
		browser.findElement(By.id("password")).sendKeys("mailtrail");
		browser.findElement(By.cssSelector("main button[type=submit]")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private void signOut(WebDriver browser, WebDriverWait wait) {
		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + this.port + "/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
	}

}
