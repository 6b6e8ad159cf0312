package org.heraldcms.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by chromedriver, pointed at a running Herald: the set-up and
 * the steps every browser test takes (open a page, type into a field, click and wait for the next
 * page, sign in to the admin).
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";

    private final RunningHerald herald;
    private final WebDriver driver;

    private Browser(RunningHerald herald, WebDriver driver) {
        this.herald = herald;
        this.driver = driver;
    }

    /** Skips the calling test class where Chromium is absent, or fails it when HERALD_TEST_SERVICES=required. */
    public static void assumePresent() {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER));
        if (!present && "required".equals(System.getenv("HERALD_TEST_SERVICES"))) {
            throw new IllegalStateException("Chromium or chromedriver is missing and HERALD_TEST_SERVICES=required");
        }
        assumeTrue(present, "Chromium (" + CHROMIUM + ") or chromedriver (" + DRIVER + ") is absent: browser tests skipped");
    }

    /** Starts Chromium with its profile in {@code profile}, keeping the page's console messages for {@link LogType#BROWSER}. */
    public static Browser start(RunningHerald herald, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(herald, driver);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(herald.uri(path).toString());
    }

    public WebElement field(String name) {
        return driver.findElement(By.name(name));
    }

    public void type(String name, String text) {
        WebElement element = field(name);
        element.clear();
        element.sendKeys(text);
    }

    /** Clicks and waits until the next page has replaced this one (Chromium may report the old node as gone either way). */
    public void clickAndWait(By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** Signs in to the admin afresh (any earlier session's cookies dropped) and lands on the dashboard. */
    public void signIn(String username, String password) {
        open("/admin/login");
        driver.manage().deleteAllCookies();
        open("/admin/login");
        type("username", username);
        type("password", password);
        clickAndWait(By.cssSelector("form button[type=submit]"));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/admin/");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
