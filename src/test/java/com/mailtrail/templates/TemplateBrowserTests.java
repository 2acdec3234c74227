package com.mailtrail.templates;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.mailtrail.crm.contact.ContactData;
import com.mailtrail.crm.contact.ContactService;
import com.mailtrail.crm.deal.DealData;
import com.mailtrail.crm.deal.DealService;
import com.mailtrail.crm.deal.DealStatus;
import com.mailtrail.support.Browser;
import com.mailtrail.support.MailtrailIntegrationTest;
import com.mailtrail.support.TestTenants;
import com.mailtrail.support.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rep creates a deal template with attributes from the picker, then picks it for a deal on the preview page,
 * which uses the same picker fragment and script as compose: the subject and body fields are filled in.
 */
@MailtrailIntegrationTest
@ExtendWith(Browser.class)
class TemplateBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestTenants tenants;

	@Autowired
	ContactService contacts;

	@Autowired
	DealService deals;

	@Autowired
	EmailTemplates templates;

	@Test
	void aRepCreatesATemplateWithAttributesAndPicksItForADeal(WebDriver browser) {
		TestTenant acme = this.tenants.create("Template Browser Co");
		UUID contact = acme.as(() -> this.contacts.create(new ContactData("Zoë", "Ng", "Initech", null,
				List.of("zoe@initech.example"), acme.rep().id(), Set.of())));
		UUID deal = acme.as(() -> this.deals.create(new DealData("Initech <rollout>", new BigDecimal("4200"), "USD",
				DealStatus.OPEN, contact, Set.of(), null, acme.rep().id(), Set.of())));
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		String base = "http://localhost:" + this.port;

		browser.get(base + "/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(acme.rep().email());
		browser.findElement(By.id("password")).sendKeys(TestTenants.PASSWORD);
		browser.findElement(By.cssSelector("main button[type=submit]")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

		// Header → More → Email Templates → + New Template
		wait.until(ExpectedConditions.elementToBeClickable(By.id("more-menu"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Email Templates"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("+ New Template"))).click();

		new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recordType"))))
			.selectByVisibleText("Deal");
		browser.findElement(By.id("name")).sendKeys("Rollout proposal");
		WebElement subject = browser.findElement(By.id("subject"));
		subject.sendKeys("Proposal: ");
		pickAttribute(browser, "deal.title");
		click(browser, browser.findElement(By.cssSelector("[data-insert-attribute]")));
		assertThat(subject.getDomProperty("value")).isEqualTo("Proposal: {{deal.title}}");

		WebElement body = browser.findElement(By.cssSelector(".rich-editor"));
		click(browser, body);
		body.sendKeys("Hi ");
		pickAttribute(browser, "contact.first_name");
		browser.findElement(By.id("attribute-fallback")).sendKeys("there");
		click(browser, browser.findElement(By.cssSelector("[data-insert-attribute]")));
		body.sendKeys(", the rollout is " + "worth ");
		browser.findElement(By.id("attribute-fallback")).clear();
		pickAttribute(browser, "deal.value");
		click(browser, browser.findElement(By.cssSelector("[data-insert-attribute]")));
		assertThat(body.getText()).isEqualTo("Hi {{contact.first_name | default: \"there\"}}, the rollout is worth {{deal.value}}");
		Browser.screenshot(browser, "template-editor");
		browser.findElement(By.xpath("//button[text()='Save template']")).sendKeys(org.openqa.selenium.Keys.ENTER);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "saved"));

		// Preview: pick the deal, then the template from the picker; the script fills the compose-like fields.
		browser.get(base + "/settings/email/templates/preview?type=DEAL");
		new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("record"))))
			.selectByVisibleText("Initech <rollout>");
		browser.findElement(By.xpath("//button[text()='Use this record']")).sendKeys(org.openqa.selenium.Keys.ENTER);
		Select picker = new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("template-picker"))));
		assertThat(browser.findElement(By.id("subject")).getDomProperty("value")).isEmpty();
		picker.selectByVisibleText("Rollout proposal");
		wait.until(ExpectedConditions.attributeToBe(By.id("subject"), "value", "Proposal: Initech <rollout>"));
		assertThat(browser.findElement(By.id("body-editor")).getText())
			.isEqualTo("Hi Zoë, the rollout is worth $4,200.00");
		assertThat(browser.findElement(By.cssSelector("input[name=body]")).getDomProperty("value"))
			.contains("Hi Zoë, the rollout is worth $4,200.00").doesNotContain("{{");
		assertThat(browser.findElement(By.cssSelector("[data-template-picker-status]")).getText())
			.contains("filled in");
		assertThat(browser.findElements(By.cssSelector("#body-editor script, #body-editor img"))).isEmpty();
		Browser.screenshot(browser, "template-preview");

		// What was saved is the attribute syntax, not the values.
		var saved = acme.as(() -> this.templates.search("Rollout", TemplateRecordType.DEAL,
				new com.mailtrail.security.CurrentUser(acme.rep().id(), acme.id(), acme.rep().email(), "Rep",
						com.mailtrail.security.Role.USER, true, null)));
		assertThat(saved).singleElement().satisfies(t -> {
			assertThat(t.subject()).isEqualTo("Proposal: {{deal.title}}");
			assertThat(t.body()).contains("{{contact.first_name | default: \"there\"}}").contains("{{deal.value}}");
		});
		browser.manage().deleteAllCookies();
	}

	/** The picker lists the attributes of the chosen record type; the other types' are hidden and disabled. */
	private static void pickAttribute(WebDriver browser, String key) {
		WebElement option = browser
			.findElement(By.cssSelector("#attribute-picker optgroup:not([hidden]) option[value='" + key + "']"));
		option.click();
		assertThat(option.isSelected()).isTrue();
	}

	/**
	 * Scrolls the element to the middle first, at once (Bootstrap makes scrolling smooth, and a click during the
	 * animation lands on something else).
	 */
	private static void click(WebDriver browser, WebElement element) {
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
				"arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
				element);
		element.click();
	}

}
