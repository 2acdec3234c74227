package com.mailtrail.mail.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.mailtrail.support.Browser;
import com.mailtrail.support.MailtrailIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@MailtrailIntegrationTest
@ExtendWith(Browser.class)
class ComposeBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void composeFromADealWithAnAttachmentSendAndSeeItOnTheTimelineAndInTheMailCatcher(WebDriver browser,
			@TempDir Path dir) throws Exception {
		String subject = "Browser quote " + UUID.randomUUID().toString().substring(0, 8);
		Path quote = dir.resolve("renewal-quote.pdf");
		Files.writeString(quote, "%PDF-1.4 renewal quote");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		String base = "http://localhost:" + this.port;

		browser.get(base + "/deals");
		wait.until(ExpectedConditions.urlContains("/login"));
		browser.findElement(By.id("username")).sendKeys("alice@acme.test");
		browser.findElement(By.id("password")).sendKeys("mailtrail");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Deals"));
		browser.findElement(By.linkText("Globex annual renewal")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Globex annual renewal"));
		String dealUrl = browser.getCurrentUrl();

		browser.findElement(By.linkText("Send email")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subject"))).sendKeys(subject);
		assertThat(browser.findElement(By.id("to")).getAttribute("value")).contains("pat.jones@globex.example");
		assertThat(browser.findElement(By.cssSelector(".compose-record")).getText()).contains("Globex annual renewal");
		browser.findElement(By.cssSelector(".rich-editor")).sendKeys("Hi Pat, here is the renewal quote.");
		browser.findElement(By.id("attachments")).sendKeys(quote.toAbsolutePath().toString());
		Browser.screenshot(browser, "compose-from-deal");
		var send = browser.findElement(By.cssSelector(".compose-form button[type=submit]"));
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", send);
		send.click();

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), subject));
		String emailUrl = browser.getCurrentUrl();
		wait.until(driver -> {
			driver.navigate().refresh();
			return driver.findElement(By.cssSelector(".delivery-status")).getText().startsWith("Sent.");
		});
		assertThat(browser.getPageSource()).contains("renewal-quote.pdf");

		browser.get(dealUrl);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".email-timeline"), subject));

		browser.findElement(By.linkText("Mail catcher (demo)")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Mail catcher"));
		browser.findElement(By.linkText(subject)).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), subject));
		assertThat(browser.getPageSource()).contains("renewal-quote.pdf").contains("Hi Pat, here is the renewal quote.");
		Browser.screenshot(browser, "mail-catcher-message");
		assertThat(emailUrl).contains("/emails/");
	}

}
