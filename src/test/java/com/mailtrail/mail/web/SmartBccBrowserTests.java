package com.mailtrail.mail.web;

import java.time.Duration;
import java.util.UUID;

import com.mailtrail.support.ApiClient;
import com.mailtrail.support.Browser;
import com.mailtrail.support.MailDelivery;
import com.mailtrail.support.MailtrailIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole Smart BCC story in a real browser, on the demo tenant: mail BCC'd by Alice to Pat arrives over SMTP,
 * lands on the deal with Pat, and opens with its body in the sandboxed frame.
 */
@MailtrailIntegrationTest
@ExtendWith(Browser.class)
class SmartBccBrowserTests {

	static final String DEAL = "Globex annual renewal";

	@LocalServerPort
	int port;

	@Autowired
	MailDelivery delivery;

	@Test
	void bccdMailAppearsOnTheDealTimelineAndOpensWithItsBodyInAFrame(WebDriver browser) {
		String subject = "Renewal pricing " + UUID.randomUUID().toString().substring(0, 8);
		ApiClient alice = ApiClient.login(this.port, "alice@acme.test", "mailtrail");
		String bcc = alice.get("/api/v1/me").json().get("bccAddress").asString();
		MailDelivery.Replies replies = this.delivery.send("alice@acme.test", bcc, message(subject));
		assertThat(replies.data()).startsWith("250");
		this.delivery.awaitProcessed();

		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		String base = "http://localhost:" + this.port;
		browser.get(base + "/emails");
		wait.until(ExpectedConditions.urlContains("/login"));
		browser.findElement(By.id("username")).sendKeys("alice@acme.test");
		browser.findElement(By.id("password")).sendKeys("mailtrail");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Email"));

		// The email on the Email page, then on its own.
		Browser.screenshot(browser, "email-list");
		browser.findElement(By.linkText(subject)).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), subject));
		// Pat's only open deal in the demo data is the renewal, so it is linked on arrival. Other tests may have
		// given Pat more open deals in the shared database; then the renewal is offered, and one click links it.
		if (browser.findElements(By.xpath("//button[starts-with(normalize-space(), 'Link to " + DEAL + "')]"))
			.size() == 1) {
			browser.findElement(By.xpath("//button[starts-with(normalize-space(), 'Link to " + DEAL + "')]")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Linked to"));
		}
		browser.findElement(By.cssSelector(".email-links")).findElement(By.linkText(DEAL)).click();

		// On the deal, the email is on the Emails timeline with why it is there.
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), DEAL));
		WebElement timeline = browser.findElement(By.cssSelector(".email-timeline"));
		assertThat(timeline.getText()).contains(subject, "From Alice Anders");
		Browser.screenshot(browser, "deal-email-timeline");
		assertThat(browser.findElement(By.cssSelector(".record-people")).getText()).as("the demo deal's follower")
			.contains("Bob Brown")
			.doesNotContain("null");
		timeline.findElement(By.linkText(subject)).click();

		// The view shows the headers and the sanitised body inside the sandboxed frame.
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), subject));
		assertThat(browser.findElement(By.cssSelector(".email-headers")).getText()).contains("pat.jones@globex.example");
		WebElement frame = browser.findElement(By.cssSelector("iframe[title='Message body']"));
		assertThat(frame.getAttribute("sandbox")).isEqualTo("allow-popups allow-popups-to-escape-sandbox")
			.doesNotContain("allow-scripts")
			.doesNotContain("allow-same-origin");
		Browser.screenshot(browser, "email-view");
		wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(frame));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Here is the renewal pricing"));
		assertThat(browser.findElement(By.tagName("strong")).getText()).isEqualTo("48,000 USD");
		assertThat(browser.findElements(By.tagName("script"))).isEmpty();
		// The inline image shows: it travels inside the document, which needs no cookie.
		WebElement logo = browser.findElement(By.cssSelector("img[alt='Acme logo']"));
		assertThat(((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", logo))
			.isEqualTo(1L);
		browser.switchTo().defaultContent();
	}

	private static String message(String subject) {
		return """
				From: Alice Anders <alice@acme.test>
				To: Pat Jones <pat.jones@globex.example>
				Subject: %s
				Date: Thu, 03 Dec 2026 09:30:00 +0000
				Message-ID: <%s@acme.test>
				MIME-Version: 1.0
				Content-Type: multipart/alternative; boundary="ALT"

				--ALT
				Content-Type: text/plain; charset=UTF-8

				Hi Pat, here is the renewal pricing: 48,000 USD.
				--ALT
				Content-Type: multipart/related; boundary="REL"

				--REL
				Content-Type: text/html; charset=UTF-8

				<p>Hi Pat,</p><p>Here is the renewal pricing: <strong>48,000 USD</strong>.</p>
				<p><img src="cid:logo@acme.test" alt="Acme logo"></p>
				<script>document.body.innerHTML = 'owned'</script>
				--REL
				Content-Type: image/png
				Content-Transfer-Encoding: base64
				Content-ID: <logo@acme.test>
				Content-Disposition: inline; filename="logo.png"

				%s
				--REL--
				--ALT--
				""".formatted(subject, UUID.randomUUID(), EmailFixtures.PNG_BASE64);
	}

}
