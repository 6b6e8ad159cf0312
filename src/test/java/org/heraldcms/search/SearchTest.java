package org.heraldcms.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDeleted;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Search over real multilingual articles, through the service, the page and the API of a running Herald. */
class SearchTest {

    @TempDir
    static Path dataDir;
    static RunningHerald herald;
    static Entries entries;
    static Search search;
    static long news;
    static long documents;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir);
        entries = herald.bean(Entries.class);
        search = herald.bean(Search.class);
        Sections sections = herald.bean(Sections.class);
        news = sections.byPath("en", "news").orElseThrow().id();
        documents = sections.byPath("en", "documents").orElseThrow().id();
        Instant day = Instant.parse("2024-03-05T09:00:00Z");

        publish("en", news, "Security Council adopts resolution on regional stability",
                "<p>The Council adopted a resolution calling for dialogue between the neighbouring states.</p>", day);
        publish("en", news, "Assembly reviews the implementation of past resolutions",
                "<p>Delegates are reviewing how earlier resolutions were carried out in the member states.</p>", day);
        publish("en", news, "Delegation visits the capital",
                "<p>The delegation arrived in\u00a0Beijing on\u00a0Monday and met the host ministry.</p>", day);
        publish("en", documents, "Notes on web safety",
                "<p>Editors sometimes paste &lt;script&gt;alert(1)&lt;/script&gt; into a page; Herald shows it as text.</p>", day);
        publish("ru", news, "Расширение сотрудничества в области образования",
                "<p>Стороны обсудили расширение сотрудничества между университетами и обмен студентами.</p>", day);
        publish("ru", news, "Подписано соглашение",
                "<p>Новое соглашение закрепляет сотрудничество в сфере энергетики на пять лет.</p>", day);
        publish("zh", news, "双方宣布新的伙伴计划",
                "<p>两国领导人宣布建立全面战略合作关系，并签署了多项协议。</p>", day);
        publish("zh", news, "多语种网站上线",
                "<p>新的搜索引擎支持俄语、英语和中文内容的检索。</p>", day);
        for (int i = 1; i <= 12; i++) {
            publish("en", i % 4 == 0 ? documents : news, "Bulletin " + i + " on harvests",
                    "<p>Harvests of wheat and barley in the region, report number " + i + ".</p>",
                    Instant.parse((2013 + i) + "-06-01T10:00:00Z"));
        }
        save("en", news, "Draft about zeppelins", EntryStatus.DRAFT, day);
        save("en", news, "Zeppelin in review", EntryStatus.REVIEW, day);
        save("en", news, "Archived zeppelin story", EntryStatus.ARCHIVED, day);
        save("en", news, "Scheduled zeppelin flight", EntryStatus.SCHEDULED, Instant.now().plus(3, ChronoUnit.DAYS));
        save("en", news, "Zeppelin show next week", EntryStatus.PUBLISHED, Instant.now().plus(7, ChronoUnit.DAYS));
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    static Entry publish(String language, long section, String title, String body, Instant at) {
        return save(language, section, title, EntryStatus.PUBLISHED, at, body);
    }

    static Entry save(String language, long section, String title, EntryStatus status, Instant at) {
        return save(language, section, title, status, at, "<p>" + title + ": a zeppelin text nobody may find yet.</p>");
    }

    static Entry save(String language, long section, String title, EntryStatus status, Instant at, String body) {
        return entries.save(EntryDraft.of(language, section, title, body, "test", at, status), "test");
    }

    static List<String> titles(String language, String query) {
        return search.search(SearchQuery.of(language, query)).hits().stream().map(SearchHit::title).toList();
    }

    static HttpResponse<String> get(String path) {
        return herald.get(path);
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void russianWordFormsFindEachOther() {
        List<String> both = List.of("Расширение сотрудничества в области образования", "Подписано соглашение");
        // the demo article about the SCO says "сотрудничества" too, and so do the demo's Russian resolution
        // and its link to the Shanghai Cooperation Organisation (section kinds, issue 9)
        assertThat(titles("ru", "сотрудничество")).containsAll(both).hasSize(5);
        assertThat(titles("ru", "сотрудничества")).containsAll(both).hasSize(5);
        assertThat(titles("ru", "соглашения")).containsExactly("Подписано соглашение");
    }

    @Test
    void englishPluralsAndVerbFormsFindEachOther() {
        List<String> both = List.of("Security Council adopts resolution on regional stability",
                "Assembly reviews the implementation of past resolutions");
        // and two demo entries about resolution 75/69
        assertThat(titles("en", "resolutions")).containsAll(both).hasSize(4);
        assertThat(titles("en", "resolution")).containsAll(both).hasSize(4);
        assertThat(titles("en", "adopting")).contains("Security Council adopts resolution on regional stability")
                .doesNotContain("Assembly reviews the implementation of past resolutions");
        assertThat(titles("en", "reviewed")).containsExactly("Assembly reviews the implementation of past resolutions");
    }

    @Test
    void chineseWordsFindLongerCompounds() {
        assertThat(titles("zh", "合作")).contains("双方宣布新的伙伴计划", "上海合作组织秘书处与联合国秘书处举行互动磋商");
        assertThat(titles("zh", "合作关系")).contains("双方宣布新的伙伴计划");
        assertThat(titles("zh", "搜索")).containsExactly("多语种网站上线");
        assertThat(titles("zh", "战略 协议")).containsExactly("双方宣布新的伙伴计划");
    }

    @Test
    void aPhraseWithANoBreakSpaceIsFoundByTheSamePhraseTypedWithSpaces() {
        assertThat(titles("en", "\"arrived in Beijing on Monday\"")).containsExactly("Delegation visits the capital");
        assertThat(titles("en", "\"arrived in\u00a0Beijing\"")).containsExactly("Delegation visits the capital");
        assertThat(titles("en", "\"Monday on Beijing\"")).isEmpty();
        // the demo article: "at\u00a0the UN initiative"
        assertThat(titles("en", "\"held at the UN initiative\"")).hasSize(1);
    }

    @Test
    void entriesNotOnThePublicSiteAreNeverFound() {
        assertThat(search.search(SearchQuery.of("en", "zeppelin")).total()).isZero();
        assertThat(search.search(SearchQuery.of("en", "zeppelin")).suggestion()).isNull();
        assertThat(Jsoup.parse(get("/en/search?q=zeppelin").body()).select(".result")).isEmpty();
        assertThat(get("/api/v1/search?lang=en&q=zeppelin").body()).contains("\"total\":0").doesNotContainIgnoringCase("zeppelin show");
        assertThat(titles("en", "Zeppelin show next week")).isEmpty();
    }

    @Test
    void publishingUnpublishingAndDeletingFollowTheContent() {
        Entry draft = save("en", news, "Quokka census", EntryStatus.DRAFT, Instant.parse("2012-06-01T00:00:00Z"),
                "<p>Counting quokkas on the island.</p>");
        assertThat(titles("en", "quokka")).isEmpty();

        Entry published = entries.save(new EntryDraft(draft.id(), null, "en", news, draft.title(), null, "",
                draft.body(), "test", "", draft.publishedAt(), EntryStatus.PUBLISHED, false, List.of(), "", ""), "test");
        assertThat(titles("en", "quokka")).containsExactly("Quokka census");
        assertThat(search.search(SearchQuery.of("en", "quokka")).years()).contains(2012);

        entries.save(EntryDraft.from(published).withSlug(null).withSummary("Edited: wallabies too."), "test");
        assertThat(titles("en", "wallabies")).containsExactly("Quokka census");

        Entry archived = entries.save(new EntryDraft(draft.id(), null, "en", news, draft.title(), null, "",
                draft.body(), "test", "", draft.publishedAt(), EntryStatus.ARCHIVED, false, List.of(), "", ""), "test");
        assertThat(titles("en", "quokka")).isEmpty();
        assertThat(search.search(SearchQuery.of("en", "quokas")).suggestion()).as("no word of an archived entry").isNull();
        assertThat(search.search(SearchQuery.of("en", "quokka")).years()).doesNotContain(2012);

        entries.save(EntryDraft.from(archived).withSlug(null), "test");
        entries.save(new EntryDraft(draft.id(), null, "en", news, draft.title(), null, "", draft.body(), "test", "",
                draft.publishedAt(), EntryStatus.PUBLISHED, false, List.of(), "", ""), "test");
        assertThat(titles("en", "quokka")).hasSize(1);
        herald.bean(TransactionTemplate.class).executeWithoutResult(status -> {
            JdbcClient jdbc = herald.bean(JdbcClient.class);
            jdbc.sql("DELETE FROM entry_tag WHERE entry_id = ?").param(draft.id()).update();
            jdbc.sql("DELETE FROM revision WHERE entry_id = ?").param(draft.id()).update();
            jdbc.sql("DELETE FROM entry WHERE id = ?").param(draft.id()).update();
            herald.publish(new EntryDeleted(draft.id(), "en"));
        });
        assertThat(titles("en", "quokka")).isEmpty();
        assertThat(search.indexedVersions()).doesNotContainKey(draft.id());
    }

    @Test
    void snippetsAreEscapedHtmlWithOnlyTheMarksAdded() {
        SearchHit hit = search.search(SearchQuery.of("en", "alert")).hits().get(0);
        assertThat(hit.snippet()).contains("&lt;script&gt;<mark>alert</mark>(1)&lt;")
                .doesNotContain("<script");
        Document page = Jsoup.parse(get("/en/search?q=alert").body());
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select(".snippet mark").eachText()).containsExactly("alert");
        assertThat(page.select(".snippet").text()).contains("<script>alert(1)</script>");
        assertThat(get("/api/v1/search?lang=en&q=alert").body()).contains("&lt;script&gt;<mark>alert</mark>");
    }

    @Test
    void theSearchPageShowsRankedResultsWithTitleDateSectionAndSnippet() {
        HttpResponse<String> response = get("/ru/search?q=" + q("сотрудничество"));
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("html").attr("lang")).isEqualTo("ru");
        assertThat(page.select(".result")).hasSize(5); // three news, the demo's resolution and link (issue 9)
        assertThat(page.select(".result h2 a").eachAttr("href")).allMatch(href -> href.startsWith("/ru/"))
                .filteredOn(href -> href.startsWith("/ru/novosti/")).hasSize(3);
        assertThat(page.select(".result time").first().text()).isEqualTo("2024-03-05 17:00");
        assertThat(page.select(".result .section").first().text()).isEqualTo("Новости");
        assertThat(page.select(".result .snippet mark")).isNotEmpty();
        assertThat(page.select("#search-page-q").val()).isEqualTo("сотрудничество");
    }

    @Test
    void resultsArePagedFilteredAndSorted() {
        Document first = Jsoup.parse(get("/en/search?q=harvests").body());
        assertThat(first.select(".result")).hasSize(10);
        assertThat(first.select(".count").text()).contains("12");
        Document second = Jsoup.parse(get(first.select(".pager a[rel=next]").attr("href")).body());
        assertThat(second.select(".result")).hasSize(2);

        Document byDate = Jsoup.parse(get("/en/search?q=harvests&sort=date").body());
        assertThat(byDate.select(".result h2").first().text()).isEqualTo("Bulletin 12 on harvests");
        assertThat(byDate.select(".result h2").get(1).text()).isEqualTo("Bulletin 11 on harvests");

        Document year = Jsoup.parse(get("/en/search?q=harvests&year=2016").body());
        assertThat(year.select(".result h2").eachText()).containsExactly("Bulletin 3 on harvests");
        assertThat(year.select("#search-year option[selected]").val()).isEqualTo("2016");

        Document section = Jsoup.parse(get("/en/search?q=harvests&section=" + documents).body());
        assertThat(section.select(".result h2").eachText()).containsExactlyInAnyOrder(
                "Bulletin 4 on harvests", "Bulletin 8 on harvests", "Bulletin 12 on harvests");
    }

    @Test
    void nothingFoundSaysSoAndSuggestsAWord() {
        Document page = Jsoup.parse(get("/en/search?q=harvets").body());
        assertThat(page.select(".result")).isEmpty();
        assertThat(page.select(".no-results").text()).contains("Nothing matches \u201charvets\u201d");
        assertThat(page.select(".suggestion a").text()).isEqualTo("harvests");
        assertThat(page.select(".suggestion a").attr("href")).isEqualTo("/en/search?q=harvests");
        assertThat(search.search(SearchQuery.of("ru", "сотрудничесвто")).suggestion()).isEqualTo("сотрудничество");
    }

    @Test
    void hostileQueriesGetANormalPage() {
        List<String> hostile = List.of("title:(", "\"unbalanced", "*", "?x", "a~", "/re.*gex/", "[a TO z]", "AND OR NOT",
                "\\", "((((((", "x^999", "\u0000\u0001\u0007abc\u001b", "a".repeat(10_000),
                "word ".repeat(2_000), "\"" + "phrase ".repeat(1_500) + "\"", "<script>alert(1)</script>",
                "' OR 1=1 --", "\ud800", "\u202e\u200b\ufeff");
        for (String query : hostile) {
            HttpResponse<String> response = get("/en/search?q=" + q(query));
            assertThat(response.statusCode()).as(query).isEqualTo(200);
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("script")).as(query).isEmpty();
            assertThat(page.select("form.search-form")).as(query).hasSize(1);
            assertThat(get("/api/v1/search?lang=en&q=" + q(query)).statusCode()).as(query).isEqualTo(200);
        }
        for (String params : List.of("page=abc", "page=-1", "page=99999999999999", "year=x", "year=-5",
                "section=1%20OR%201=1", "section=999", "sort=%3Cscript%3E", "q=a&q=b", "page=5000")) {
            assertThat(get("/en/search?q=harvests&" + params).statusCode()).as(params).isEqualTo(200);
            assertThat(get("/api/v1/search?lang=en&q=harvests&" + params).statusCode()).as(params).isEqualTo(200);
        }
    }

    @Test
    void theQueryIsShownEscaped() {
        String body = get("/en/search?q=" + q("<script>alert(1)</script>\"><img src=x onerror=alert(2)>")).body();
        assertThat(body).doesNotContain("<script>alert").doesNotContain("<img src=x");
        Document page = Jsoup.parse(body);
        assertThat(page.select("script, img")).isEmpty();
        assertThat(page.select("#search-q").val()).isEqualTo("<script>alert(1)</script>\"><img src=x onerror=alert(2)>");
    }

    @Test
    void theApiReturnsTheSameResults() {
        HttpResponse<String> response = get("/api/v1/search?lang=ru&q=" + q("сотрудничество"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).contains("\"total\":5", "\"title\":\"Подписано соглашение\"",
                "\"url\":\"http://localhost:8080/ru/novosti/", "\"date\":\"2024-03-05T17:00:00+08:00\"", "<mark>");
        assertThat(get("/api/v1/search?lang=xx&q=a").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/search?lang=en&q=harvests&page=2").body()).contains("\"page\":2", "\"total\":12");
    }

    @Test
    void everyPageHasASearchBoxAndEntriesShowRelatedOnes() {
        Document home = Jsoup.parse(get("/zh/").body());
        assertThat(home.select("header form[role=search]").attr("action")).isEqualTo("/zh/search");
        assertThat(home.select("header form[role=search]").attr("method")).isEqualTo("get");
        assertThat(home.select("header form[role=search] input[name=q]")).hasSize(1);

        String url = search.search(SearchQuery.of("en", "\"Bulletin 5\"")).hits().get(0).slug();
        Document entry = Jsoup.parse(get("/en/news/" + url).body());
        List<String> related = entry.select("nav.related a").eachText();
        assertThat(related).isNotEmpty().allMatch(title -> title.startsWith("Bulletin ")).doesNotContain("Bulletin 5 on harvests");
        assertThat(entry.select("nav.related a").eachAttr("href")).allMatch(href -> href.startsWith("/en/"));
    }
}
