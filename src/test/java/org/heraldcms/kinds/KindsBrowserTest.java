package org.heraldcms.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Each section kind made in the admin of a real (headless) Chromium, in English and then
 * translated into Russian, and found on the public site in both languages: a document with a
 * file per language, an event, a gallery with a captioned image, a vacancy, a link and a banner.
 */
class KindsBrowserTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profile;
    @TempDir
    static Path files;
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
    void everyKindIsMadeInTheAdminAndShownInEnglishAndRussian() throws IOException {
        chrome.signIn("chief", PASSWORD);
        upload("rivers-en.pdf", pdf("Rivers declaration (English)"));
        upload("rivers-ru.pdf", pdf("Rivers declaration (Russian)"));
        upload("river.png", png());

        make(SectionKind.DOCUMENTS, "Declaration on rivers", "Декларация о реках", language -> {
            if (language.equals("en")) {
                chrome.type("k.symbol", "B/DEC/12/3");
                setValue("k.date", "2024-03-22");
                new Select(chrome.field("k.type")).selectByValue("declaration");
            }
            chooseContaining("k.file", "rivers-" + language + ".pdf");
        });
        make(SectionKind.EVENTS, "Water forum", "Водный форум", language -> {
            if (language.equals("en")) {
                setValue("k.start", LocalDateTime.now().plusDays(40).withHour(9).withMinute(30).toString().substring(0, 16));
                setValue("k.end", LocalDateTime.now().plusDays(40).withHour(17).withMinute(0).toString().substring(0, 16));
                chrome.type("k.zone", "Europe/Zurich");
            }
            chrome.type("k.place", language.equals("en") ? "Palais des Nations" : "Дворец Наций");
        });
        make(SectionKind.GALLERY, "Rivers in pictures", "Реки в фотографиях", language -> { });
        make(SectionKind.VACANCIES, "Hydrologist", "Гидролог", language -> {
            chrome.type("k.grade", "P-4");
            setValue("k.closes", LocalDateTime.now().plusDays(20).withSecond(0).withNano(0).toString().substring(0, 16));
            chrome.type("k.station", language.equals("en") ? "Vienna" : "Вена");
        });
        make(SectionKind.LINK, "River commission", "Речная комиссия", language -> {
            chrome.type("k.url", "https://rivers.example.org/" + language + "/");
            chrome.type("k.position", "9");
        });
        make(SectionKind.BANNERS, "Save the rivers", "Сохраним реки", language -> {
            chrome.type("k.url", "/" + language + "/");
            chooseContaining("k.image", "river.png");
            chrome.type("k.position", "0");
        });

        captionGallery();

        for (String language : new String[] {"en", "ru"}) {
            boolean en = language.equals("en");
            chrome.open(list(SectionKind.DOCUMENTS, language));
            WebElement document = browser.findElement(By.xpath("//li[h2/a[.='" + (en ? "Declaration on rivers"
                    : "Декларация о реках") + "']]"));
            assertThat(document.findElement(By.cssSelector(".symbol")).getText()).isEqualTo("B/DEC/12/3");
            assertThat(document.findElement(By.cssSelector("a[type='application/pdf']")).getAttribute("href"))
                    .endsWith("/" + language + "/symbol/B/DEC/12/3.pdf");

            chrome.open(list(SectionKind.EVENTS, language));
            chrome.clickAndWait(By.linkText(en ? "Water forum" : "Водный форум"));
            assertThat(browser.findElement(By.cssSelector(".kind-fields.event")).getText())
                    .contains("09:30").contains("17:00").contains("Europe/Zurich")
                    .contains(en ? "Palais des Nations" : "Дворец Наций");
            assertThat(browser.findElement(By.cssSelector("a.ics")).getAttribute("href")).endsWith(".ics");

            chrome.open(list(SectionKind.GALLERY, language));
            chrome.clickAndWait(By.linkText(en ? "Rivers in pictures" : "Реки в фотографиях"));
            WebElement thumb = browser.findElement(By.cssSelector(".gallery .thumbs a"));
            assertThat(thumb.findElement(By.tagName("img")).getAttribute("alt")).isEqualTo(en ? "A river" : "Река");
            assertThat(thumb.findElement(By.tagName("img")).getAttribute("srcset")).contains("320w");
            thumb.click();
            assertThat(new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.cssSelector(".lightbox:target figcaption"))).getText())
                    .contains(en ? "A river" : "Река");

            chrome.open(list(SectionKind.VACANCIES, language));
            assertThat(browser.findElement(By.cssSelector(".kind-vacancies")).getText())
                    .contains(en ? "Hydrologist" : "Гидролог").contains("P-4").contains(en ? "Vienna" : "Вена");

            chrome.open(list(SectionKind.LINK, language));
            assertThat(browser.findElement(By.linkText(en ? "River commission" : "Речная комиссия")).getAttribute("href"))
                    .isEqualTo("https://rivers.example.org/" + language + "/");

            chrome.open("/" + language + "/");
            WebElement banner = browser.findElement(By.cssSelector(".banners li:first-child"));
            assertThat(banner.getText()).contains(en ? "Save the rivers" : "Сохраним реки");
            assertThat(banner.findElement(By.tagName("img")).getAttribute("srcset")).contains("768w");
        }
    }

    /** Writes an entry of this kind in English, publishes it, translates it into Russian and publishes that. */
    private static void make(SectionKind kind, String english, String russian, Consumer<String> fields) {
        chrome.open("/admin/entries/new?section=" + section(kind).id());
        chrome.type("title", english);
        new Select(chrome.field("status")).selectByValue("published");
        fields.accept("en");
        save();
        String editPath = URI.create(browser.getCurrentUrl()).getPath();
        assertThat(editPath).as(kind + ": " + problem()).matches("/admin/entries/\\d+");
        chrome.clickAndWait(By.cssSelector("a.translate[href$='language=ru']"));
        chrome.type("title", russian);
        new Select(chrome.field("status")).selectByValue("published");
        fields.accept("ru");
        save();
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).as(kind + " ru: " + problem())
                .matches("/admin/entries/\\d+").isNotEqualTo(editPath);
    }

    private static void captionGallery() {
        Section gallery = section(SectionKind.GALLERY);
        for (String language : new String[] {"en", "ru"}) {
            chrome.open("/admin/entries?language=" + language + "&section=" + gallery.id());
            chrome.clickAndWait(By.linkText(language.equals("en") ? "Rivers in pictures" : "Реки в фотографиях"));
            chrome.clickAndWait(By.linkText("Gallery images"));
            if (language.equals("en")) {
                chooseContaining("image", "river.png");
                chrome.type("caption", "A river");
                chrome.clickAndWait(By.cssSelector("#add-image button"));
            } else {
                WebElement caption = browser.findElement(By.cssSelector("table.media input[name=caption]"));
                caption.clear();
                caption.sendKeys("Река");
                chrome.clickAndWait(By.cssSelector("table.media button[value=caption]"));
            }
        }
    }

    private static String list(SectionKind kind, String language) {
        return section(kind).listPath(language);
    }

    private static Section section(SectionKind kind) {
        return herald.bean(Sections.class).all().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    private static void upload(String name, byte[] bytes) throws IOException {
        Path file = files.resolve(name);
        Files.write(file, bytes);
        chrome.open("/admin/media");
        browser.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
        chrome.clickAndWait(By.cssSelector("form[enctype] button[type=submit]"));
        assertThat(browser.getPageSource()).contains(name);
    }

    private static String problem() {
        return browser.findElements(By.cssSelector(".problem")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    private static void setValue(String name, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", chrome.field(name), value);
    }

    private static void chooseContaining(String name, String text) {
        new Select(chrome.field(name)).getOptions().stream().filter(o -> o.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no option with " + text + " in " + name)).click();
    }

    private static void save() {
        chrome.clickAndWait(By.cssSelector("#editor button[type=submit]"));
    }

    private static byte[] pdf(String text) {
        String content = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
        String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n"
                + "4 0 obj << /Length " + content.length() + " >> stream\n" + content + "\nendstream endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(900, 500, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x1565c0));
        g.fillRect(0, 0, 900, 500);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
