package org.heraldcms.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.support.Browser;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Forms in a real (headless) Chromium: an admin makes a feedback section and its fields, visitors
 * send it in English and Russian, the admin reads the messages as inert text; a guestbook message
 * appears on the public site once approved.
 */
class FormsBrowserTest {

    static final String PASSWORD = "correct horse battery";
    static final String SCRIPT = "<script>document.title='owned'</script><img src=x onerror=\"document.title='owned'\">";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profile;
    static RunningHerald herald;
    static Browser chrome;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        Browser.assumePresent();
        herald = RunningHerald.start(dataDir);
        herald.bean(Users.class).add("chief", "Chief Editor", Role.ADMIN, PASSWORD.toCharArray(), Optional.empty());
        chrome = Browser.start(herald, profile);
        browser = chrome.driver();
    }

    @AfterAll
    static void stop() {
        if (chrome != null) {
            chrome.close();
        }
        if (herald != null) {
            herald.close();
        }
    }

    @Test
    void aFormMadeInTheAdminIsSentInTwoLanguagesAndReadInert() {
        chrome.signIn("chief", PASSWORD);
        chrome.open("/admin/sections");
        chrome.type("name_en", "Write to us");
        chrome.type("name_ru", "Напишите нам");
        new Select(browser.findElement(By.name("kind"))).selectByValue("feedback");
        chrome.clickAndWait(By.cssSelector("form.stack button[type=submit]"));
        Section form = herald.bean(Sections.class).byPath("en", "write-to-us").orElseThrow();
        assertThat(form.kind()).isEqualTo(SectionKind.FEEDBACK);

        chrome.open("/admin/forms");
        chrome.clickAndWait(By.linkText("Write to us"));
        addField("text", "Name", "Имя");
        addField("textarea", "Message", "Сообщение");
        assertThat(browser.findElements(By.cssSelector("table.fields tr[id^=field-]"))).hasSize(2);

        for (String language : List.of("en", "ru")) {
            chrome.open(form.listPath(language));
            List<WebElement> fields = browser.findElements(By.cssSelector(".visitor-form .field input, .visitor-form .field textarea"));
            assertThat(fields).hasSize(2);
            fields.get(0).sendKeys(SCRIPT);
            fields.get(1).sendKeys("Hello from " + language);
            chrome.clickAndWait(By.cssSelector(".visitor-form button[type=submit]"));
            assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo(form.listPath(language) + "thanks");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(language.equals("en") ? "Thank you" : "Спасибо");
        }

        chrome.open("/admin/forms/" + form.id());
        List<WebElement> rows = browser.findElements(By.cssSelector("table.inbox tr.unread"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("<script>document.title='owned'</script>");
        assertThat(browser.getTitle()).doesNotContain("owned");
        chrome.clickAndWait(By.cssSelector("table.inbox tr.unread a"));
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
        chrome.open(guestbook.listPath("en"));
        List<WebElement> fields = browser.findElements(By.cssSelector(".visitor-form .field input, .visitor-form .field textarea"));
        fields.get(0).sendKeys("Browser visitor");
        fields.get(1).sendKeys("Greetings from a real browser " + SCRIPT);
        chrome.clickAndWait(By.cssSelector(".visitor-form button[type=submit]"));
        chrome.open(guestbook.listPath("en"));
        assertThat(browser.findElement(By.cssSelector(".guestbook")).getText()).doesNotContain("Browser visitor");

        chrome.signIn("chief", PASSWORD);
        chrome.open("/admin/forms/" + guestbook.id());
        WebElement row = browser.findElements(By.cssSelector("table.inbox tr")).stream()
                .filter(r -> r.getText().contains("Browser visitor")).findFirst().orElseThrow();
        assertThat(row.getText()).contains("pending");
        WebElement approve = row.findElement(By.xpath(".//button[normalize-space()='Approve']"));
        WebElement page = browser.findElement(By.tagName("html"));
        approve.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));

        chrome.open(guestbook.listPath("en"));
        String shown = browser.findElement(By.cssSelector(".guestbook")).getText();
        assertThat(shown).contains("Browser visitor").contains("Greetings from a real browser <script>");
        assertThat(browser.getTitle()).doesNotContain("owned");
    }

    private static void addField(String type, String en, String ru) {
        new Select(browser.findElement(By.cssSelector("#add-field select[name=type]"))).selectByValue(type);
        browser.findElement(By.cssSelector("#add-field input[name=required]")).click();
        chrome.type("label_en", en);
        chrome.type("label_ru", ru);
        chrome.clickAndWait(By.cssSelector("#add-field button[type=submit]"));
    }

}
