package io.closedloop.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' Chromium: Debian's chromium and chromedriver (or CHROMIUM / CHROMEDRIVER), headless, with a
 * fresh profile and no background network. Nothing is downloaded.
 */
final class HeadlessChromium {

    private HeadlessChromium() {}

    /** Options every browser test starts from; a test adds its own before {@link #start}. */
    static ChromeOptions options() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
        return options;
    }

    static ChromeDriver start(ChromeOptions options) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * Clicks a submit button and returns once the browser has left the page it was on, so the next lookup reads the
     * page the form led to (reading at once can hit the old page's elements while it unloads).
     */
    static void submit(ChromeDriver browser, WebElement button) {
        WebElement previous = browser.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> gone(previous));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                driver -> "complete".equals(((ChromeDriver) driver).executeScript("return document.readyState")));
    }

    /**
     * Whether the element left the document. ChromeDriver 156 sometimes reports a replaced page's node as "does not
     * belong to the document" instead of as stale; both mean the new page has replaced it.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private static String executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        return configured == null || configured.isBlank() ? fallback : configured;
    }
}
