package com.mailtrail.tracking;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mailtrail.mail.EmailRepository;
import com.mailtrail.mail.SmartBccAddresses;
import com.mailtrail.mail.outbound.OutgoingHtmlRewriter;
import com.mailtrail.support.Browser;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.mailtrail.tracking.TrackingFixtures.CHROME;
import static com.mailtrail.tracking.TrackingFixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

/** The bell counts up while the page stays open: no reload, whichever instance saw the open. */
@MailtrailIntegrationTest
@ExtendWith(Browser.class)
class TrackingBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	MailDelivery delivery;

	@Autowired
	SmartBccAddresses addresses;

	@Autowired
	EmailRepository emails;

	@Autowired
	List<OutgoingHtmlRewriter> rewriters;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fetchingThePixelMakesTheBellCountChangeWithoutReloading(WebDriver browser) {
		var fixtures = new TrackingFixtures(this.delivery, this.addresses, this.emails, this.rewriters, this.jdbc,
				this.port);
		TestTenant acme = this.tenants.create("Bell Co");
		UUID email = fixtures.email(acme, acme.rep(), "Bell test");
		String pixel = path(TrackingFixtures.parse(fixtures.send(acme, email, acme.rep().id(), true, "<p>Hi</p>"))
			.select("img").last().attr("src"));

		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.get("http://localhost:" + this.port + "/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(acme.rep().email());
		browser.findElement(By.id("password")).sendKeys(TestTenants.PASSWORD);
		browser.findElement(By.cssSelector("main button[type=submit]")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get("http://localhost:" + this.port + "/emails");
		By bell = By.cssSelector("[data-notification-bell]");
		wait.until(ExpectedConditions.attributeToBe(bell, "data-count", "0"));
		Object marker = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__page = Math.random();");

		fixtures.get(pixel, Map.of("User-Agent", CHROME));
		wait.until(ExpectedConditions.attributeToBe(bell, "data-count", "1"));
		assertThat(browser.findElement(By.cssSelector("[data-notification-count]")).getText()).isEqualTo("1");

		// What another instance does when it records an open: store the notification and NOTIFY; this page hears it.
		this.jdbc.sql("insert into notification (id, tenant_id, user_id, message) values (?, ?, ?, 'From elsewhere')")
			.params(UUID.randomUUID(), acme.id().value(), acme.rep().id())
			.update();
		this.jdbc.sql("select pg_notify('mailtrail_notifications', ?)")
			.param(acme.id() + ":" + acme.rep().id())
			.query()
			.listOfRows();
		wait.until(ExpectedConditions.attributeToBe(bell, "data-count", "2"));
		assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__page;"))
			.as("the same page, never reloaded").isEqualTo(marker);
		Browser.screenshot(browser, "tracking-bell");

		browser.findElement(bell).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Pat Jones opened"));
		Browser.screenshot(browser, "tracking-notifications");
	}

}
