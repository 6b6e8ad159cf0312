package org.heraldcms.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.site.Sections;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.RunningHerald;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile text in every field of the editor is stored safely and shows up inert, in the admin and on the site. */
class HostileInputTest {

    static final String PASSWORD = "correct horse battery";
    static final String SCRIPT = "<script>alert(1)</script>";

    @TempDir
    static Path dataDir;
    static RunningHerald herald;
    static AdminClient editor;
    static long section;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir);
        herald.bean(Users.class).add("ed", "<img src=x onerror=alert(1)>", Role.EDITOR, PASSWORD.toCharArray(),
                Optional.empty());
        editor = AdminClient.signedIn(herald, "ed", PASSWORD);
        section = herald.bean(Sections.class).all().stream().filter(s -> s.in("en").isPresent()).findFirst()
                .orElseThrow().id();
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    @Test
    void hostileTextInEveryFieldIsStoredSafelyAndRenderedInert() {
        HttpResponse<String> saved = editor.post("/admin/entries/new", true, "language", "en",
                "section", String.valueOf(section), "title", SCRIPT + "Hostile\u0000\u0007 title\u001b",
                "summary", "<img src=x onerror=alert(1)> summary", "body", "<h2 onclick=\"alert(1)\">Head</h2>" + SCRIPT
                        + "<p><a href=\"javascript:alert(1)\">bad</a> <a href=\"https://example.org/\">good</a></p>"
                        + "<iframe src=\"https://evil.example/\"></iframe><svg onload=alert(1)></svg>",
                "tags", SCRIPT + ", javascript:alert(1), \" onmouseover=\"alert(1)",
                "author", "\"><svg onload=alert(1)>", "source", "javascript:alert(1)",
                "seoTitle", "</title>" + SCRIPT, "seoDescription", "\" onfocus=\"alert(1)",
                "publishedAt", "2020-01-01T10:00", "status", "published", "featured", "on");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        long id = Long.parseLong(saved.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
        Entry entry = herald.bean(Entries.class).find(id).orElseThrow();
        assertThat(entry.title()).doesNotContain("\u0000", "\u0007", "\u001b").contains("Hostile title");
        assertThat(entry.body()).contains("<h2>Head</h2>", "https://example.org/")
                .doesNotContain("<script", "javascript:", "onclick", "<iframe", "onload");

        String publicPath = herald.bean(Sections.class).byId(section).orElseThrow().entryPath("en", entry.slug());
        for (String path : List.of("/admin/entries/" + id, "/admin/entries", "/admin/", "/admin/entries/" + id
                + "/revisions", "/admin/audit", "/admin/users", publicPath)) {
            HttpResponse<String> page = path.startsWith("/admin") ? editor.get(path) : herald.get(path);
            assertThat(page.statusCode()).as(path).isIn(200, 403);
            assertInert(path, Jsoup.parse(page.body()));
        }
        String publicPage = herald.get(publicPath).body();
        assertThat(Jsoup.parse(publicPage).select("h1").text()).contains("<script>alert(1)</script>Hostile title");
    }

    @Test
    void aOneMegabyteTitleIsRefusedWithAClearMessage() {
        HttpResponse<String> answer = editor.post("/admin/entries/new", true, "language", "en", "section",
                String.valueOf(section), "title", "x".repeat(1_000_000), "status", "draft");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(answer.body()).select(".problem").text()).contains("at most 500 characters");
    }

    @Test
    void malformedFieldsAreRefusedNotGuessed() {
        assertThat(editor.post("/admin/entries/new", true, "language", "en", "section", "1 OR 1=1", "title", "x")
                .statusCode()).isEqualTo(400);
        assertThat(editor.post("/admin/entries/new", true, "language", "en", "section", String.valueOf(section),
                "title", "x", "status", "<b>").statusCode()).isEqualTo(400);
        assertThat(editor.post("/admin/entries/new", true, "language", "en", "section", String.valueOf(section),
                "title", "x", "slug", "../../etc/passwd").statusCode()).isEqualTo(400);
        assertThat(editor.post("/admin/entries/new", true, "language", "xx", "section", String.valueOf(section),
                "title", "x").statusCode()).isEqualTo(400);
    }

    @Test
    void hostileCoverTextIsStoredSafelyAndRenderedInert() throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(900, 600, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", png);
        assertThat(editor.upload("/admin/media", "\"><svg onload=alert(1)>.png", png.toByteArray()).statusCode())
                .isEqualTo(303);
        long image = herald.bean(org.heraldcms.media.MediaLibrary.class).recent(1).get(0).id();
        HttpResponse<String> saved = editor.post("/admin/entries/new", true, "language", "en", "section",
                String.valueOf(section), "title", "Hostile cover", "status", "published", "media", "1",
                "cover", String.valueOf(image), "coverAlt", "\" onerror=\"alert(1)" + SCRIPT + "\u0000",
                "attachment", String.valueOf(image));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        long id = Long.parseLong(saved.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
        assertThat(herald.bean(Entries.class).media(id).coverAlt()).doesNotContain("\u0000");
        String publicPath = herald.bean(Sections.class).byId(section).orElseThrow().entryPath("en", "hostile-cover");
        for (String path : List.of("/admin/entries/" + id, "/admin/media", "/en/", publicPath)) {
            HttpResponse<String> page = path.startsWith("/admin") ? editor.get(path) : herald.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertInert(path, Jsoup.parse(page.body()));
        }
        assertThat(Jsoup.parse(herald.get(publicPath).body()).select("figure.cover img").attr("alt"))
                .startsWith("\" onerror=\"alert(1)<script>");

        HttpResponse<String> huge = editor.post("/admin/entries/" + id, true, "language", "en", "section",
                String.valueOf(section), "title", "Hostile cover", "status", "published", "media", "1",
                "cover", String.valueOf(image), "coverAlt", "x".repeat(1_000_000));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(huge.body()).select(".problem").text()).contains("at most 500 characters");
    }

    static void assertInert(String path, Document page) {
        assertThat(page.select("script:not([type=application/ld+json])")).as(path + " script elements")
                .allSatisfy(script -> {
                    assertThat(script.attr("src")).as(path + " only the admin's own script files").startsWith("/admin/assets/");
                    assertThat(script.data()).as(path + " no inline script").isEmpty();
                });
        for (Element data : page.select("script[type=application/ld+json]")) {
            assertThat(data.data()).as(path + " JSON-LD cannot close its element").doesNotContain("<");
        }
        assertThat(page.select("iframe, svg, object, embed")).as(path).isEmpty();
        for (Element e : page.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as(path + " " + e.tagName()).doesNotStartWith("on");
                if (a.getKey().equals("href") || a.getKey().equals("src") || a.getKey().equals("action")) {
                    assertThat(a.getValue().strip().toLowerCase()).as(path).doesNotStartWith("javascript:");
                }
            }
        }
    }
}
