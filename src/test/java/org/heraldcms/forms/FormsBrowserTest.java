package org.heraldcms.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Forms in a real (headless) Chromium: an admin makes a feedback section and its fields, visitors
 * send it in English and Russian, the admin reads the messages as inert text; a guestbook message
 * appears on the public site once approved.
 */
class FormsBrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";
    static final String PASSWORD = "correct horse battery";
    static final String SCRIPT = "<script>document.title='owned'</script><img src=x onerror=\"document.title='owned'\">";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profile;
    static RunningHerald herald;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER));
        if (!present && "required".equals(System.getenv("HERALD_TEST_SERVICES"))) {
            throw new IllegalStateException("Chromium or chromedriver is missing and HERALD_TEST_SERVICES=required");
        }
        assumeTrue(present, "Chromium (" + CHROMIUM + ") or chromedriver (" + DRIVER + ") is absent: browser tests skipped");
        herald = RunningHerald.start(dataDir);
        herald.bean(Users.class).add("chief", "Chief Editor", Role.ADMIN, PASSWORD.toCharArray(), Optional.empty());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (herald != null) {
            herald.close();
        }
    }

    @Test
    void aFormMadeInTheAdminIsSentInTwoLanguagesAndReadInert() {
        signIn();
        open("/admin/sections");
        type("name_en", "Write to us");
        type("name_ru", "Напишите нам");
        new Select(browser.findElement(By.name("kind"))).selectByValue("feedback");
        clickAndWait(By.cssSelector("form.stack button[type=submit]"));
        Section form = herald.bean(Sections.class).byPath("en", "write-to-us").orElseThrow();
        assertThat(form.kind()).isEqualTo(SectionKind.FEEDBACK);

        open("/admin/forms");
        clickAndWait(By.linkText("Write to us"));
        addField("text", "Name", "Имя");
        addField("textarea", "Message", "Сообщение");
        assertThat(browser.findElements(By.cssSelector("table.fields tr[id^=field-]"))).hasSize(2);

        for (String language : List.of("en", "ru")) {
            open(form.listPath(language));
            List<WebElement> fields = browser.findElements(By.cssSelector(".visitor-form .field input, .visitor-form .field textarea"));
            assertThat(fields).hasSize(2);
            fields.get(0).sendKeys(SCRIPT);
            fields.get(1).sendKeys("Hello from " + language);
            clickAndWait(By.cssSelector(".visitor-form button[type=submit]"));
            assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo(form.listPath(language) + "thanks");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(language.equals("en") ? "Thank you" : "Спасибо");
        }

        open("/admin/forms/" + form.id());
        List<WebElement> rows = browser.findElements(By.cssSelector("table.inbox tr.unread"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("<script>document.title='owned'</script>");
        assertThat(browser.getTitle()).doesNotContain("owned");
        clickAndWait(By.cssSelector("table.inbox tr.unread a"));
        assertThat(browser.findElements(By.cssSelector("dd.answer")).get(0).getText()).isEqualTo(SCRIPT);
        assertThat(browser.findElements(By.cssSelector("dd.answer")).get(1).getText()).startsWith("Hello from");
        assertThat(browser.getTitle()).doesNotContain("owned");
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
    }

    @Test
    void aGuestbookMessageIsPublicOnceApproved() {
        Section guestbook = herald.bean(Sections.class).all().stream().filter(s -> s.kind() == SectionKind.GUESTBOOK)
                .findFirst().orElseThrow();
        browser.manage().deleteAllCookies();
        open(guestbook.listPath("en"));
        List<WebElement> fields = browser.findElements(By.cssSelector(".visitor-form .field input, .visitor-form .field textarea"));
        fields.get(0).sendKeys("Browser visitor");
        fields.get(1).sendKeys("Greetings from a real browser " + SCRIPT);
        clickAndWait(By.cssSelector(".visitor-form button[type=submit]"));
        open(guestbook.listPath("en"));
        assertThat(browser.findElement(By.cssSelector(".guestbook")).getText()).doesNotContain("Browser visitor");

        signIn();
        open("/admin/forms/" + guestbook.id());
        WebElement row = browser.findElements(By.cssSelector("table.inbox tr")).stream()
                .filter(r -> r.getText().contains("Browser visitor")).findFirst().orElseThrow();
        assertThat(row.getText()).contains("pending");
        WebElement approve = row.findElement(By.xpath(".//button[normalize-space()='Approve']"));
        WebElement page = browser.findElement(By.tagName("html"));
        approve.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));

        open(guestbook.listPath("en"));
        String shown = browser.findElement(By.cssSelector(".guestbook")).getText();
        assertThat(shown).contains("Browser visitor").contains("Greetings from a real browser <script>");
        assertThat(browser.getTitle()).doesNotContain("owned");
    }

    private static void addField(String type, String en, String ru) {
        new Select(browser.findElement(By.cssSelector("#add-field select[name=type]"))).selectByValue(type);
        browser.findElement(By.cssSelector("#add-field input[name=required]")).click();
        type("label_en", en);
        type("label_ru", ru);
        clickAndWait(By.cssSelector("#add-field button[type=submit]"));
    }

    private static void signIn() {
        browser.manage().deleteAllCookies();
        open("/admin/login");
        type("username", "chief");
        type("password", PASSWORD);
        clickAndWait(By.cssSelector("form button[type=submit]"));
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/admin/");
    }

    private static void clickAndWait(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    private static void open(String path) {
        browser.get(herald.uri(path).toString());
    }

    private static void type(String name, String text) {
        WebElement field = browser.findElement(By.name(name));
        field.clear();
        field.sendKeys(text);
    }
}
