package com.mailtrail.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, one per test class, injected as a {@link WebDriver}
 * parameter. Selenium Manager is never asked to download anything. Without Chromium the tests are skipped with a
 * loud notice, except on CI (CI set), where a missing browser fails the run.
 */
public class Browser implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String notice = "BROWSER TESTS NOT RUN: " + CHROMIUM + " or " + CHROMEDRIVER
					+ " is missing. Install Debian's chromium and chromium-driver (see .ci/run).";
			if (System.getenv("CI") != null) {
				throw new IllegalStateException(notice);
			}
			System.err.println("\n*** " + notice + " ***\n");
			Assumptions.abort(notice);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(0));
		context.getStore(NAMESPACE).put(WebDriver.class, driver);
	}

	/** Saves what the browser shows under target/screenshots, for a person to look at after the run. */
	public static void screenshot(WebDriver driver, String name) {
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
			Files.write(dir.resolve(name + ".png"), png);
		}
		catch (java.io.IOException ex) {
			System.err.println("Could not save screenshot " + name + ": " + ex.getMessage());
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		WebDriver driver = context.getStore(NAMESPACE).remove(WebDriver.class, WebDriver.class);
		if (driver != null) {
			driver.quit();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == WebDriver.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getStore(NAMESPACE).get(WebDriver.class, WebDriver.class);
	}

}
