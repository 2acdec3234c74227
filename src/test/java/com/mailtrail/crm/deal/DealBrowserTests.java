package com.mailtrail.crm.deal;

import java.time.Duration;
import java.util.UUID;

import com.mailtrail.support.Browser;
import com.mailtrail.support.MailtrailIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@MailtrailIntegrationTest
@ExtendWith(Browser.class)
class DealBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void demoRepSignsInCreatesADealAndSeesItListed(WebDriver browser) {
		String title = "Browser deal " + UUID.randomUUID().toString().substring(0, 8);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

		browser.get("http://localhost:" + this.port + "/deals");
		wait.until(ExpectedConditions.urlContains("/login"));
		browser.findElement(By.id("username")).sendKeys("alice@acme.test");
		browser.findElement(By.id("password")).sendKeys("mailtrail");
		browser.findElement(By.cssSelector("button[type=submit]")).click();

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Deals"));
		browser.findElement(By.linkText("New deal")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title"))).sendKeys(title);
		browser.findElement(By.id("amount")).sendKeys("1250.50");
		new Select(browser.findElement(By.id("primaryContactId"))).selectByVisibleText("Pat Jones (Globex Corporation)");
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), title));
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Deal created.");
		assertThat(browser.getPageSource()).contains("USD 1,250.50").contains("Pat Jones");

		browser.findElement(By.linkText("← Deals")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Deals"));
		assertThat(browser.findElement(By.linkText(title)).isDisplayed()).isTrue();
		Browser.screenshot(browser, "deal-list");
	}

}
