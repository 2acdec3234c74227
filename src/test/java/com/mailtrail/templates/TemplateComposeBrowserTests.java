package com.mailtrail.templates;

import java.time.Duration;
import java.util.UUID;

import com.mailtrail.support.Browser;
import com.mailtrail.support.MailtrailIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A template with attributes, picked when composing from a deal, arrives rendered in the sent message. */
@MailtrailIntegrationTest
@ExtendWith(Browser.class)
class TemplateComposeBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void aTemplatePickedInComposeIsSentRenderedForTheDeal(WebDriver browser) {
		String name = "Quote follow-up " + UUID.randomUUID().toString().substring(0, 8);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		String base = "http://localhost:" + this.port;

		browser.get(base + "/settings/email/templates/new");
		wait.until(ExpectedConditions.urlContains("/login"));
		browser.findElement(By.id("username")).sendKeys("alice@acme.test");
		browser.findElement(By.id("password")).sendKeys("mailtrail");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("name"))).sendKeys(name);
		new Select(browser.findElement(By.id("recordType"))).selectByValue("DEAL");
		browser.findElement(By.id("subject"))
			.sendKeys("[" + name + "] {{deal.title}} for {{contact.first_name | default: \"you\"}}");
		browser.findElement(By.cssSelector(".rich-editor")).sendKeys("Hi {{contact.first_name}}, the quote is attached.");
		submit(browser, browser.findElement(By.xpath("//button[normalize-space()='Save template']")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), name));

		browser.get(base + "/deals");
		browser.findElement(By.linkText("Globex annual renewal")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Globex annual renewal"));
		browser.findElement(By.linkText("Send email")).click();
		WebElement picker = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("template-picker")));
		new Select(picker).selectByVisibleText(name);
		String rendered = "[" + name + "] Globex annual renewal for Pat";
		wait.until(driver -> rendered.equals(driver.findElement(By.id("subject")).getAttribute("value")));
		assertThat(browser.findElement(By.id("body-editor")).getText()).contains("Hi Pat, the quote is attached.");
		Browser.screenshot(browser, "compose-with-template");
		submit(browser, browser.findElement(By.cssSelector(".compose-form button[type=submit]")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), rendered));

		browser.findElement(By.linkText("Mail catcher (demo)")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Mail catcher"));
		wait.until(driver -> {
			driver.navigate().refresh();
			return !driver.findElements(By.linkText(rendered)).isEmpty();
		});
		browser.findElement(By.linkText(rendered)).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), rendered));
		assertThat(browser.getPageSource()).contains("Hi Pat, the quote is attached.");
	}

	private static void submit(WebDriver browser, WebElement button) {
		// Bootstrap scrolls smoothly: a click during the animation can miss the button.
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
				button);
		button.click();
	}

}
