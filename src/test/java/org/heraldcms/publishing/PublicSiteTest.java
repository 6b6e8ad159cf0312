package org.heraldcms.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.heraldcms.migration.CapturedPageParser;
import org.heraldcms.support.RunningHerald;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo site served over HTTP from a brand-new data folder, read as a visitor would. */
class PublicSiteTest {

    static final String ARTICLE = "/en/news/interactive-consultations-held-between-sco-and-un-secretariats";

    @TempDir
    static Path dataDir;
    static RunningHerald herald;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir);
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    @Test
    void theCapturedArticleIsServedWithEverythingItSaid() throws Exception {
        HttpResponse<String> response = herald.get(ARTICLE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        Document page = Jsoup.parse(response.body());

        assertThat(page.select("h1").text()).isEqualTo("Interactive Consultations Held Between SCO and UN Secretariats");
        assertThat(page.select("article time").text()).isEqualTo("2021-05-27 15:03");
        assertThat(page.select("article time").attr("datetime")).isEqualTo("2021-05-27T15:03:01+08:00");
        assertThat(page.select("article .author").text()).isEqualTo("admin");
        List<String> paragraphs = page.select("article .body p").stream().map(Element::wholeText).toList();
        List<String> captured = CapturedPageParser.parse(readFixture()).paragraphs();
        assertThat(paragraphs).hasSize(11).containsExactlyElementsOf(captured);
        assertThat(response.body()).doesNotContain("Powered by MetInfo").contains("at\u00a0the UN initiative");
    }

    @Test
    void theArticlePageHasTheHeadAndLinksOfAWellMadePage() {
        Document page = Jsoup.parse(herald.get(ARTICLE).body());
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080" + ARTICLE);
        assertThat(page.select("main, header, footer, nav")).isNotEmpty();
        assertThat(page.select("script:not([type=application/ld+json])")).isEmpty();
        assertThat(page.select("nav.share a").eachText())
                .containsExactly("E-mail", "X", "Facebook", "LinkedIn", "Telegram", "VK", "Weibo");
        assertThat(page.select("nav.neighbours a[rel=next]").attr("href")).isEqualTo("/en/news/herald-demo-site-opens");
        assertThat(page.select("p.tags a").eachAttr("href")).contains("/en/tags/sco/");
    }

    @Test
    void theRootSendsVisitorsToTheirLanguage() {
        assertThat(redirect("/", "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5")).isEqualTo("/ru/");
        assertThat(redirect("/", "Accept-Language", "zh-CN,zh;q=0.9")).isEqualTo("/zh/");
        assertThat(redirect("/", "Accept-Language", "fr-FR, de;q=0.8")).isEqualTo("/en/");
        assertThat(redirect("/", "Accept-Language", ";;;q=abc")).isEqualTo("/en/");
        assertThat(redirect("/")).isEqualTo("/en/");
        assertThat(herald.get("/", "Accept-Language", "ru").headers().firstValue("Vary")).contains("Accept-Language");
    }

    @Test
    void translationsLinkEachOtherBothWays() {
        Document english = Jsoup.parse(herald.get(ARTICLE).body());
        Map<String, String> fromEnglish = hreflangs(english);
        assertThat(fromEnglish).containsKeys("en", "ru", "zh", "x-default");

        String russianPath = path(fromEnglish.get("ru"));
        HttpResponse<String> russian = herald.get(russianPath);
        assertThat(russian.statusCode()).isEqualTo(200);
        Document ru = Jsoup.parse(russian.body());
        assertThat(ru.select("html").attr("lang")).isEqualTo("ru");
        assertThat(ru.select("nav.translations a").eachAttr("hreflang")).containsExactly("en", "zh");
        Map<String, String> fromRussian = hreflangs(ru);
        assertThat(path(fromRussian.get("en"))).isEqualTo(ARTICLE);

        Document zh = Jsoup.parse(herald.get(path(fromRussian.get("zh"))).body());
        assertThat(path(hreflangs(zh).get("ru"))).isEqualTo(russianPath);
        assertThat(path(hreflangs(zh).get("en"))).isEqualTo(ARTICLE);
        assertThat(zh.select("h1").text()).isEqualTo("上海合作组织秘书处与联合国秘书处举行互动磋商");
        assertThat(russianPath).matches("/ru/novosti/[a-z0-9-]+");
    }

    @Test
    void everyLanguageHasAHomeSectionListsAndTags() {
        for (String lang : List.of("en", "ru", "zh")) {
            Document home = Jsoup.parse(herald.get("/" + lang + "/").body());
            assertThat(home.select("html").attr("lang")).isEqualTo(lang);
            assertThat(home.select("nav.menu a")).hasSizeGreaterThanOrEqualTo(4);
            for (String sectionUrl : home.select("nav.menu a").eachAttr("href")) {
                assertThat(herald.get(sectionUrl).statusCode()).as(sectionUrl).isEqualTo(200);
            }
            assertThat(home.select(".latest .card a")).isNotEmpty();
        }
        Document news = Jsoup.parse(herald.get("/en/news/").body());
        assertThat(news.select("h1").text()).isEqualTo("News");
        assertThat(news.select(".card h2 a").eachText()).containsExactly("Herald demo site opens",
                "Interactive Consultations Held Between SCO and UN Secretariats");
        Document tag = Jsoup.parse(herald.get("/zh/tags/he-zuo/").body());
        assertThat(tag.select(".card h2 a").eachText()).containsExactly("上海合作组织秘书处与联合国秘书处举行互动磋商");
    }

    @Test
    void aSectionWithoutItsSlashAndPageOneRedirect() {
        assertThat(redirect("/en/news")).isEqualTo("/en/news/");
        assertThat(redirect("/en/news/page/1/")).isEqualTo("/en/news/");
        assertThat(redirect("/en")).isEqualTo("/en/");
        assertThat(herald.get("/en/news/page/2/").statusCode()).isEqualTo(404);
    }

    @Test
    void theNotFoundPageSpeaksTheVisitorsLanguage() {
        HttpResponse<String> russian = herald.get("/ru/no-such-page");
        assertThat(russian.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(russian.body()).select("h1").text()).isEqualTo("Страница не найдена");
        HttpResponse<String> chinese = herald.get("/nowhere", "Accept-Language", "zh-CN");
        assertThat(chinese.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(chinese.body()).select("html").attr("lang")).isEqualTo("zh");
        assertThat(Jsoup.parse(chinese.body()).select("h1").text()).isEqualTo("页面未找到");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/en/news/%00", "/en/news/%2e%2e/%2e%2e/etc/passwd", "/en/../../etc/passwd", "/en/%C3%28",
            "/en/news/%FF%FE", "/xx/", "/fr/news/", "/EN/", "/en/news/..%2f..%2fetc", "/en/news/a%5c..%5c..",
            "/en/news/%3Cscript%3E", "/en/tags/", "/en/tags/x/page/0/", "/en/news/page/99999999999/", "/theme/../pom.xml",
            "/theme/%2e%2e/application.properties", "/en/news/entry?page=-1", "/en/;jsessionid=1/news/"})
    void malformedAndUnknownPathsAnswer400Or404WithoutAStackTrace(String path) {
        HttpResponse<String> response = herald.get(path);
        assertThat(response.statusCode()).as(path).isIn(400, 404);
        assertThat(response.body()).doesNotContain("Exception", "at org.", "at java.", "Tomcat/");
    }

    @Test
    void fiveThousandCharacterSlugsAnswer404() {
        HttpResponse<String> response = herald.get("/en/news/" + "a".repeat(5000));
        assertThat(response.statusCode()).isIn(400, 404);
        assertThat(herald.get("/en/" + "abc-".repeat(1250) + "x/").statusCode()).isIn(400, 404);
    }

    @Test
    void healthIsUp() {
        HttpResponse<String> response = herald.get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void theStylesheetIsServedAndEveryResponseCarriesSecurityHeaders() {
        HttpResponse<String> css = herald.get("/theme/style.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains("@media");
        for (String path : List.of("/en/", ARTICLE, "/nowhere")) {
            HttpResponse<String> r = herald.get(path);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        }
    }

    private static String redirect(String path, String... headers) {
        HttpResponse<String> response = herald.get(path, headers);
        assertThat(response.statusCode()).as(path).isIn(301, 302);
        return path(response.headers().firstValue("Location").orElseThrow());
    }

    private static String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }

    private static Map<String, String> hreflangs(Document page) {
        return page.select("link[rel=alternate][hreflang]").stream()
                .collect(Collectors.toMap(e -> e.attr("hreflang"), (Element e) -> e.attr("href")));
    }

    static String readFixture() {
        try (var in = PublicSiteTest.class.getResourceAsStream("/demo/sco-un-interactive-consultations.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
