package org.heraldcms.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.heraldcms.content.Entries;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.site.Sections;
import org.heraldcms.support.RunningHerald;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds, sitemaps, head tags, archives and conditional GET on the demo site, plus entries
 * that must never be found: a draft, one in review, a scheduled one and an archived one.
 */
class FoundAndFollowedTest {

    static final String BASE = "https://news.example.org";
    static final String ARTICLE = "/en/news/interactive-consultations-held-between-sco-and-un-secretariats";
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<String> HIDDEN = List.of("Hidden draft", "Hidden review", "Hidden scheduled", "Hidden archived");

    @TempDir
    static Path dataDir;
    static RunningHerald herald;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir, "--herald.base-url=" + BASE + "/", "--herald.sitemaps.urls-per-file=5");
        long news = herald.bean(Sections.class).byPath("en", "news").orElseThrow().id();
        Entries entries = herald.bean(Entries.class);
        Instant may2021 = LocalDateTime.of(2021, 5, 20, 9, 0).atZone(SHANGHAI).toInstant();
        entries.save(EntryDraft.of("en", news, HIDDEN.get(0), "<p>x</p>", "a", may2021, EntryStatus.DRAFT), "test");
        entries.save(EntryDraft.of("en", news, HIDDEN.get(1), "<p>x</p>", "a", may2021, EntryStatus.REVIEW), "test");
        entries.save(EntryDraft.of("en", news, HIDDEN.get(2), "<p>x</p>", "a",
                Instant.now().plusSeconds(86_400 * 365), EntryStatus.SCHEDULED), "test");
        entries.save(EntryDraft.of("en", news, HIDDEN.get(2) + " but published in the future", "<p>x</p>", "a",
                Instant.now().plusSeconds(86_400 * 365), EntryStatus.PUBLISHED), "test");
        entries.save(EntryDraft.of("en", news, HIDDEN.get(3), "<p>x</p>", "a", may2021, EntryStatus.ARCHIVED), "test");
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    // ---- feeds

    @Test
    void theLanguageFeedsListEveryPublishedEntryNewestFirstWithAbsoluteLinks() throws Exception {
        for (String format : List.of("atom", "rss")) {
            HttpResponse<String> response = herald.get("/en/feed." + format);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/" + format + "+xml");
            SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
            assertThat(feed.getFeedType()).startsWith(format.equals("atom") ? "atom_1.0" : "rss_2.0");
            // the demo's section kinds (issue 9) add a vacancy, events and a gallery (published at first start or
            // in 2021); links and banners are not in a language's feed
            assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsSubsequence(
                    "Herald demo site opens", "About this site",
                    "Interactive Consultations Held Between SCO and UN Secretariats",
                    "Resolution 75/69: Cooperation between the United Nations and the Shanghai Cooperation Organization")
                    .doesNotContain("United Nations").hasSize(4 + 4);
            SyndEntry article = feed.getEntries().stream().filter(e -> (BASE + ARTICLE).equals(e.getLink())).findFirst()
                    .orElseThrow();
            assertThat(article.getLink()).isEqualTo(BASE + ARTICLE);
            assertThat(article.getPublishedDate().toInstant())
                    .isEqualTo(LocalDateTime.of(2021, 5, 27, 15, 3, 1).atZone(SHANGHAI).toInstant());
            assertThat(article.getAuthor()).isEqualTo("admin");
            assertThat(article.getContents()).isNotEmpty();
            assertThat(article.getContents().get(0).getValue()).contains("at&nbsp;the UN initiative");
            for (SyndEntry e : feed.getEntries()) {
                assertThat(e.getLink()).startsWith(BASE + "/en/");
            }
            assertThat(article.getUri()).as("the Atom id, the RSS guid").isEqualTo(BASE + ARTICLE);
            assertThat(response.body()).doesNotContain("Hidden", "localhost", "127.0.0.1", "isPermaLink=\"false\"");
        }
    }

    @Test
    void sectionFeedsHoldTheirSectionOnlyInTheirLanguage() throws Exception {
        SyndFeed news = feed("/en/news/feed.atom");
        assertThat(news.getEntries()).extracting(SyndEntry::getTitle)
                .containsExactly("Herald demo site opens", "Interactive Consultations Held Between SCO and UN Secretariats");
        assertThat(news.getTitle()).isEqualTo("News — Herald Demo Secretariat");
        SyndFeed russian = feed("/ru/novosti/feed.rss");
        assertThat(russian.getEntries()).hasSize(2);
        assertThat(russian.getEntries().get(0).getLink()).startsWith(BASE + "/ru/novosti/");
        assertThat(russian.getLanguage()).isEqualTo("ru");
        assertThat(herald.get("/en/no-such-section/feed.atom").statusCode()).isEqualTo(404);
        assertThat(herald.get("/en/news/herald-demo-site-opens/feed.atom").statusCode()).isEqualTo(404);
        assertThat(herald.get("/fr/feed.atom").statusCode()).isEqualTo(404);
    }

    @Test
    void summaryOnlyFeedsCarryNoBodies(@TempDir Path other) throws Exception {
        try (RunningHerald summaries = RunningHerald.start(other, "--herald.feeds.full-content=false")) {
            SyndFeed feed = new SyndFeedInput().build(new StringReader(summaries.get("/en/feed.atom").body()));
            assertThat(feed.getEntries()).allSatisfy(e -> {
                assertThat(e.getContents()).isEmpty();
                assertThat(e.getDescription().getValue()).isNotBlank();
            });
        }
    }

    // ---- sitemaps

    @Test
    void theSitemapsValidateAgainstTheProtocolsSchemasAndSplitPastTheLimit() throws Exception {
        HttpResponse<String> index = herald.get("/sitemap.xml");
        assertThat(index.statusCode()).isEqualTo(200);
        validate(index.body(), "siteindex.xsd", "xhtml-link.xsd");
        List<String> files = texts(parse(index.body()), SITEMAP_NS, "loc");
        // 5 URLs per file: en has a home, 3 sections and 4 entries, so it needs two files
        assertThat(files).contains(BASE + "/sitemap-en-1.xml", BASE + "/sitemap-en-2.xml", BASE + "/sitemap-ru-1.xml",
                BASE + "/sitemap-zh-1.xml");
        for (String file : files) {
            HttpResponse<String> sitemap = herald.get(file.substring(BASE.length()));
            assertThat(sitemap.statusCode()).as(file).isEqualTo(200);
            validate(sitemap.body(), "sitemap.xsd", "xhtml-link.xsd");
            assertThat(sitemap.body()).doesNotContain("Hidden", "hidden-");
        }
        // with the demo's section kinds, contact form and guestbook (issue 9) en has 22 URLs: exactly five files
        assertThat(herald.get("/sitemap-en-5.xml").statusCode()).isEqualTo(200);
        assertThat(herald.get("/sitemap-en-6.xml").statusCode()).isEqualTo(404);
        assertThat(herald.get("/sitemap-fr-1.xml").statusCode()).isEqualTo(404);
        assertThat(herald.get("/sitemap-en-0.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void everyPublishedPageIsInTheSitemapsAndEveryHreflangPairIsReciprocal() throws Exception {
        Map<String, Map<String, String>> alternatesByLoc = new HashMap<>();
        Map<String, String> lastmods = new HashMap<>();
        for (String file : texts(parse(herald.get("/sitemap.xml").body()), SITEMAP_NS, "loc")) {
            org.w3c.dom.Document sitemap = parse(herald.get(file.substring(BASE.length())).body());
            NodeList urls = sitemap.getElementsByTagNameNS(SITEMAP_NS, "url");
            for (int i = 0; i < urls.getLength(); i++) {
                Element url = (Element) urls.item(i);
                String loc = url.getElementsByTagNameNS(SITEMAP_NS, "loc").item(0).getTextContent();
                Map<String, String> alternates = new HashMap<>();
                NodeList links = url.getElementsByTagNameNS(XHTML_NS, "link");
                for (int j = 0; j < links.getLength(); j++) {
                    Element link = (Element) links.item(j);
                    assertThat(link.getAttribute("rel")).isEqualTo("alternate");
                    alternates.put(link.getAttribute("hreflang"), link.getAttribute("href"));
                }
                assertThat(alternatesByLoc.put(loc, alternates)).as("listed once: " + loc).isNull();
                NodeList lastmod = url.getElementsByTagNameNS(SITEMAP_NS, "lastmod");
                if (lastmod.getLength() > 0) {
                    lastmods.put(loc, lastmod.item(0).getTextContent());
                }
            }
        }
        assertThat(alternatesByLoc).containsKeys(BASE + "/en/", BASE + "/ru/", BASE + "/zh/", BASE + "/en/news/",
                BASE + ARTICLE, BASE + "/en/about/about-this-site", BASE + "/en/documents/");
        // homes, sections in 3 languages (the members-only one left out), en, ru and zh entries; and the section
        // kinds of issue 9: five sections in en and ru (events, gallery, vacancies, links, banners) with 7 entries in
        // en and 8 in ru (the resolution's translation)
        assertThat(alternatesByLoc).hasSize(3 + 15 + 4 + 3 + 3 + 10 + 7 + 8);
        assertThat(lastmods.get(BASE + ARTICLE)).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        Map<String, String> article = alternatesByLoc.get(BASE + ARTICLE);
        assertThat(article).containsKeys("en", "ru", "zh", "x-default").containsEntry("x-default", BASE + ARTICLE);
        int pairs = 0;
        for (var page : alternatesByLoc.entrySet()) {
            for (var alternate : page.getValue().entrySet()) {
                Map<String, String> back = alternatesByLoc.get(alternate.getValue());
                assertThat(back).as("%s lists %s, which must itself be in the sitemap", page.getKey(), alternate.getValue())
                        .isNotNull();
                assertThat(back).as("the alternates of %s and %s", page.getKey(), alternate.getValue())
                        .isEqualTo(page.getValue());
                assertThat(back.values()).contains(page.getKey());
                pairs++;
            }
        }
        assertThat(pairs).isGreaterThan(30);
        // the one document exists in English and Russian (issue 9), not in Chinese
        assertThat(alternatesByLoc).hasEntrySatisfying(BASE + "/en/documents/resolution-75-69-cooperation-between-the"
                + "-united-nations-and-the-shanghai", alternates -> assertThat(alternates).containsOnlyKeys("en", "ru",
                "x-default"));
    }

    @Test
    void robotsPointsAtTheSitemapIndex() {
        HttpResponse<String> robots = herald.get("/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(robots.body()).contains("User-agent: *").contains("Sitemap: " + BASE + "/sitemap.xml");
    }

    // ---- head tags

    @Test
    void theArticleCarriesOpenGraphTwitterAndNewsArticleJsonLd() {
        Document page = Jsoup.parse(herald.get(ARTICLE).body());
        assertThat(page.select("title").text()).isEqualTo("Interactive Consultations Held Between SCO and UN Secretariats — Herald Demo Secretariat");
        assertThat(page.select("meta[name=description]").attr("content")).startsWith("On 17 May 2021");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(BASE + ARTICLE);
        assertThat(meta(page, "og:type")).isEqualTo("article");
        assertThat(meta(page, "og:title")).isEqualTo("Interactive Consultations Held Between SCO and UN Secretariats");
        assertThat(meta(page, "og:url")).isEqualTo(BASE + ARTICLE);
        assertThat(meta(page, "og:description")).startsWith("On 17 May 2021");
        assertThat(meta(page, "og:locale")).isEqualTo("en");
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");

        Map<String, JsonNode> data = jsonLd(page);
        JsonNode article = data.get("NewsArticle");
        assertThat(article).isNotNull();
        assertThat(article.get("headline").asString()).isEqualTo("Interactive Consultations Held Between SCO and UN Secretariats");
        assertThat(article.get("datePublished").asString()).isEqualTo("2021-05-27T15:03:01+08:00");
        assertThat(article.get("author").get("name").asString()).isEqualTo("admin");
        assertThat(article.get("inLanguage").asString()).isEqualTo("en");
        assertThat(article.get("mainEntityOfPage").asString()).isEqualTo(BASE + ARTICLE);
        JsonNode crumbs = data.get("BreadcrumbList").get("itemListElement");
        assertThat(crumbs).hasSize(3);
        assertThat(crumbs.get(0).get("item").asString()).isEqualTo(BASE + "/en/");
        assertThat(crumbs.get(1).get("name").asString()).isEqualTo("News");
        assertThat(crumbs.get(2).get("position").asInt()).isEqualTo(3);

        JsonNode russian = jsonLd(Jsoup.parse(herald.get(path(hreflang(page, "ru"))).body())).get("NewsArticle");
        assertThat(russian.get("inLanguage").asString()).isEqualTo("ru");
        assertThat(russian.get("headline").asString()).isEqualTo("Интерактивные консультации секретариатов ШОС и ООН");
    }

    @Test
    void aPageThatIsNotNewsIsAnArticleAndTheHomePageIsAWebSiteWithItsSearch() {
        Document about = Jsoup.parse(herald.get("/en/about/about-this-site").body());
        JsonNode article = jsonLd(about).get("Article");
        assertThat(article.get("author").get("@type").asString()).isEqualTo("Organization");
        assertThat(article.get("author").get("name").asString()).isEqualTo("Herald Demo Secretariat");

        Document home = Jsoup.parse(herald.get("/zh/").body());
        JsonNode site = jsonLd(home).get("WebSite");
        assertThat(site.get("url").asString()).isEqualTo(BASE + "/zh/");
        assertThat(site.get("inLanguage").asString()).isEqualTo("zh");
        JsonNode search = site.get("potentialAction");
        assertThat(search.get("@type").asString()).isEqualTo("SearchAction");
        assertThat(search.get("target").get("urlTemplate").asString()).isEqualTo(BASE + "/zh/search?q={search_term_string}");
        assertThat(search.get("query-input").asString()).isEqualTo("required name=search_term_string");
        assertThat(meta(home, "og:type")).isEqualTo("website");
        assertThat(home.select("link[rel=alternate][type=application/atom+xml]").attr("href")).isEqualTo("/zh/feed.atom");

        Document news = Jsoup.parse(herald.get("/en/news/").body());
        assertThat(jsonLd(news).get("BreadcrumbList").get("itemListElement")).hasSize(2);
        assertThat(news.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href")).contains("/en/news/feed.atom");
    }

    @Test
    void theContentSecurityPolicyStaysStrictAndNoScriptButDataIsOnAnyPage() {
        for (String path : List.of("/en/", ARTICLE, "/en/news/", "/en/archive/2021/")) {
            HttpResponse<String> response = herald.get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).as(path)
                    .contains("script-src 'self'").doesNotContain("unsafe-inline", "sha256-", "nonce-");
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("script").eachAttr("type")).as(path).allMatch("application/ld+json"::equals);
        }
    }

    // ---- archives

    @Test
    void archivesListAYearAndAMonthInTheLanguage() {
        Document year = Jsoup.parse(herald.get("/en/archive/2021/").body());
        assertThat(year.select("h1").text()).isEqualTo("Archive: 2021");
        assertThat(year.select(".card h2 a").eachText()).containsExactly(
                "Interactive Consultations Held Between SCO and UN Secretariats",
                "SCO–UN interactive consultations", // the demo's event (issue 9)
                "Resolution 75/69: Cooperation between the United Nations and the Shanghai Cooperation Organization");
        Document may = Jsoup.parse(herald.get("/en/archive/2021/05/").body());
        assertThat(may.select("h1").text()).isEqualTo("Archive: May 2021");
        assertThat(may.select(".card h2 a").eachText()).containsExactly(
                "Interactive Consultations Held Between SCO and UN Secretariats", "SCO–UN interactive consultations");
        assertThat(may.select("link[rel=canonical]").attr("href")).isEqualTo(BASE + "/en/archive/2021/05/");
        Document zh = Jsoup.parse(herald.get("/zh/archive/2021/05/").body());
        assertThat(zh.select("h1").text()).contains("2021年5月");
        assertThat(zh.select(".card h2 a").eachText()).containsExactly("上海合作组织秘书处与联合国秘书处举行互动磋商");
        assertThat(Jsoup.parse(herald.get("/ru/archive/2021/05/").body()).select("h1").text()).isEqualTo("Архив: май 2021");
    }

    @Test
    void archivePagesPageLikeSectionListsAndUnknownPeriodsAre404() {
        HttpResponse<String> first = herald.get("/en/archive/2021/page/1/");
        assertThat(first.statusCode()).isEqualTo(301);
        assertThat(first.headers().firstValue("Location")).contains("/en/archive/2021/");
        for (String path : List.of("/en/archive/2021/page/2/", "/en/archive/2021/06/", "/en/archive/2021/13/",
                "/en/archive/2021/5/", "/en/archive/1999/", "/en/archive/21/", "/en/archive/", "/en/archive/2021",
                "/en/archive/2021/05/01/", "/en/archive/2099/")) {
            assertThat(herald.get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    // ---- conditional GET

    @Test
    void aSecondRequestWithIfNoneMatchGets304AndNoBody() {
        for (String path : List.of(ARTICLE, "/en/", "/en/news/", "/en/feed.atom", "/en/news/feed.rss", "/sitemap.xml",
                "/sitemap-ru-1.xml", "/robots.txt", "/en/archive/2021/")) {
            HttpResponse<String> first = herald.get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
            String lastModified = first.headers().firstValue("Last-Modified")
                    .orElseThrow(() -> new AssertionError("no Last-Modified on " + path));

            HttpResponse<String> again = herald.get(path, "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();
            assertThat(again.headers().firstValue("ETag")).as(path).contains(etag);

            assertThat(herald.get(path, "If-Modified-Since", lastModified).statusCode()).as(path).isEqualTo(304);
            assertThat(herald.get(path, "If-None-Match", "\"something-else\"").statusCode()).as(path).isEqualTo(200);
            assertThat(herald.get(path, "If-None-Match", "\"something-else\"", "If-Modified-Since", lastModified)
                    .statusCode()).as("If-None-Match wins on " + path).isEqualTo(200);
        }
        assertThat(herald.get("/nowhere").headers().firstValue("ETag")).isEmpty();
    }

    static SyndFeed feed(String path) throws Exception {
        HttpResponse<String> response = herald.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new SyndFeedInput().build(new StringReader(response.body()));
    }

    static void validate(String xml, String... schemas) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        StreamSource[] sources = new StreamSource[schemas.length];
        for (int i = 0; i < schemas.length; i++) {
            sources[i] = new StreamSource(FoundAndFollowedTest.class.getResource("/sitemaps/" + schemas[i]).toExternalForm());
        }
        Schema schema = factory.newSchema(sources);
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    static org.w3c.dom.Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static List<String> texts(org.w3c.dom.Document doc, String ns, String name) {
        NodeList nodes = doc.getElementsByTagNameNS(ns, name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    static String meta(Document page, String property) {
        return page.select("meta[property=" + property + "]").attr("content");
    }

    static String hreflang(Document page, String language) {
        return page.select("link[rel=alternate][hreflang=" + language + "]").attr("href");
    }

    static String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }

    /** Every JSON-LD block of the page, parsed, by its {@code @type}. */
    static Map<String, JsonNode> jsonLd(Document page) {
        Map<String, JsonNode> byType = new HashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        for (var script : page.select("script[type=application/ld+json]")) {
            JsonNode node = json.readTree(script.data());
            assertThat(node.get("@context").asString()).isEqualTo("https://schema.org");
            byType.put(node.get("@type").asString(), node);
        }
        return byType;
    }
}
