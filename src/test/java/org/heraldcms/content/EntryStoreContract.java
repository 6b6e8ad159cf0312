package org.heraldcms.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.heraldcms.platform.Page;
import org.heraldcms.site.NewSection;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the content store must do, whatever the database: each backend's test class starts
 * Herald on it and runs these.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EntryStoreContract {

    private static final AtomicInteger SECTIONS = new AtomicInteger();
    private static final Instant MAY_2021 = Instant.parse("2021-05-27T07:03:01Z");

    protected RunningHerald herald;
    private Entries entries;
    private Redirects redirects;
    private Section news;

    protected abstract RunningHerald start() throws Exception;

    @BeforeEach
    void freshSection() throws Exception {
        if (herald == null) {
            herald = start();
            entries = herald.bean(Entries.class);
            redirects = herald.bean(Redirects.class);
        }
        int n = SECTIONS.incrementAndGet();
        news = herald.bean(Sections.class).create(new NewSection(null, SectionKind.NEWS, 10 + n, false,
                Map.of("en", "Test news " + n, "ru", "Тестовые новости " + n, "zh", "测试新闻 " + n)));
    }

    @AfterAll
    void stop() {
        if (herald != null) {
            herald.close();
        }
    }

    @Test
    void savesAndReadsBackAnEntryWithItsTags() {
        Entry saved = entries.save(published("en", "Cooperation between secretariats", MAY_2021)
                .withTags(List.of("SCO", "United Nations", "sco")).withSource("Press office"), "alice");

        Entry read = entries.find(saved.id()).orElseThrow();
        assertThat(read.title()).isEqualTo("Cooperation between secretariats");
        assertThat(read.slug()).isEqualTo("cooperation-between-secretariats");
        assertThat(read.publishedAt()).isEqualTo(MAY_2021);
        assertThat(read.source()).isEqualTo("Press office");
        assertThat(read.tags()).extracting(Tag::slug).containsExactly("sco", "united-nations");
        assertThat(entries.tag("en", "united-nations")).map(Tag::name).contains("United Nations");
    }

    @Test
    void theSavedEntryIsExactlyWhatIsReadBack() {
        Entry saved = entries.save(published("en", "Read back", Instant.parse("2021-05-27T07:03:01.123456789Z")), "a");
        Entry read = entries.find(saved.id()).orElseThrow();
        assertThat(read).isEqualTo(saved);
        assertThat(read.publishedAt()).isEqualTo(Instant.parse("2021-05-27T07:03:01.123Z"));
    }

    @Test
    void everySaveKeepsARevision() {
        Entry first = entries.save(draft("en", "First title"), "alice");
        Entry second = entries.save(EntryDraft.from(first).withSummary("Now with a summary"), "bob");
        entries.save(new EntryDraft(second.id(), null, "en", news.id(), "Third title", second.slug(), "Now with a summary",
                "<p>Body three</p>", "", "", null, EntryStatus.REVIEW, false, List.of(), "", ""), "carol");

        List<Revision> revisions = entries.revisions(first.id());
        assertThat(revisions).extracting(Revision::number).containsExactly(1, 2, 3);
        assertThat(revisions).extracting(Revision::savedBy).containsExactly("alice", "bob", "carol");
        assertThat(revisions).extracting(Revision::title).containsExactly("First title", "First title", "Third title");
        assertThat(revisions.get(2).status()).isEqualTo(EntryStatus.REVIEW);
        assertThat(entries.find(first.id()).orElseThrow().title()).isEqualTo("Third title");
    }

    @Test
    void slugsAreUniquePerLanguageAndSection() {
        Entry one = entries.save(draft("en", "Same title"), "a");
        Entry two = entries.save(draft("en", "Same title"), "a");
        Entry russian = entries.save(draft("ru", "Same title"), "a");
        assertThat(one.slug()).isEqualTo("same-title");
        assertThat(two.slug()).isEqualTo("same-title-2");
        assertThat(russian.slug()).isEqualTo("same-title");
    }

    @Test
    void russianAndChineseTitlesGetLatinSlugs() {
        assertThat(entries.save(draft("ru", "Заседание Совета министров"), "a").slug())
                .isEqualTo("zasedaniye-soveta-ministrov");
        assertThat(entries.save(draft("zh", "外长理事会会议"), "a").slug()).isEqualTo("wai-zhang-li-shi-hui-hui-yi");
    }

    @Test
    void translationsShareAGroupAndOnlyOnePerLanguage() {
        Entry en = entries.save(published("en", "Summit opens", MAY_2021), "a");
        Entry ru = entries.save(published("ru", "Открытие саммита", MAY_2021).translating(en.id()), "a");
        entries.save(draft("zh", "峰会开幕").translating(en.id()), "a");

        assertThat(ru.translationGroupId()).isEqualTo(en.translationGroupId());
        assertThat(entries.publishedTranslations(en)).extracting(Entry::language).containsExactlyInAnyOrder("en", "ru");
        assertThatThrownBy(() -> entries.save(draft("ru", "Ещё один перевод").translating(en.id()), "a"))
                .isInstanceOf(InvalidEntry.class).hasMessageContaining("already has a translation in ru");
    }

    @Test
    void onlyPublishedEntriesWhoseTimeHasComeAreVisible() {
        entries.save(draft("en", "A draft"), "a");
        entries.save(published("en", "Published later", Instant.now().plus(1, ChronoUnit.DAYS)), "a");
        Entry visible = entries.save(published("en", "Published", MAY_2021), "a");
        entries.save(new EntryDraft(null, null, "en", news.id(), "Archived", null, "", "", "", "", MAY_2021,
                EntryStatus.ARCHIVED, false, List.of(), "", ""), "a");

        Page<EntryCard> page = entries.publishedInSection("en", news.id(), 1, 10);
        assertThat(page.items()).extracting(EntryCard::id).containsExactly(visible.id());
        assertThat(page.total()).isEqualTo(1);
        assertThat(entries.findPublished("en", news.id(), "a-draft")).isEmpty();
        assertThat(entries.findPublished("en", news.id(), "published")).isPresent();
    }

    @Test
    void listsArePagedNewestFirstWithNeighbours() {
        for (int day = 1; day <= 12; day++) {
            entries.save(published("en", "Day " + day, MAY_2021.plus(day, ChronoUnit.DAYS)), "a");
        }
        Page<EntryCard> first = entries.publishedInSection("en", news.id(), 1, 5);
        Page<EntryCard> last = entries.publishedInSection("en", news.id(), 3, 5);
        assertThat(first.items()).extracting(EntryCard::title).containsExactly("Day 12", "Day 11", "Day 10", "Day 9", "Day 8");
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(last.items()).extracting(EntryCard::title).containsExactly("Day 2", "Day 1");

        Entry day5 = entries.findPublished("en", news.id(), "day-5").orElseThrow();
        assertThat(entries.previous(day5)).map(EntryCard::title).contains("Day 4");
        assertThat(entries.next(day5)).map(EntryCard::title).contains("Day 6");
    }

    @Test
    void renamingAPublishedEntryTwiceLeavesOneHopRedirects() {
        Entry e = entries.save(published("en", "Original name", MAY_2021), "a");
        String base = news.listPath("en");
        e = entries.save(EntryDraft.from(e).withSlug("second-name"), "a");
        entries.save(EntryDraft.from(e).withSlug("third-name"), "a");

        assertThat(redirects.target(base + "original-name")).contains(base + "third-name");
        assertThat(redirects.target(base + "second-name")).contains(base + "third-name");
        assertThat(redirects.target(base + "third-name")).isEmpty();
    }

    @Test
    void bodiesAreSanitisedOnSave() {
        Entry e = entries.save(EntryDraft.of("en", news.id(), "Hostile", """
                <h2>Heading</h2><p onclick="steal()">Text<script>alert(1)</script></p>
                <a href="javascript:alert(1)">bad link</a> <a href="https://example.org/">good link</a>
                <img src="x" onerror="alert(1)"><iframe src="https://evil.example/"></iframe>""",
                "", MAY_2021, EntryStatus.PUBLISHED), "a");
        assertThat(e.body()).contains("<h2>Heading</h2>", "https://example.org/", "good link")
                .doesNotContain("<script", "onclick", "javascript:", "onerror", "<iframe");
    }

    @Test
    void titlesAreCheckedAndCleaned() {
        assertThatThrownBy(() -> entries.save(draft("en", "   "), "a")).isInstanceOf(InvalidEntry.class);
        assertThatThrownBy(() -> entries.save(draft("en", "x".repeat(1_000_000)), "a"))
                .isInstanceOf(InvalidEntry.class).hasMessageContaining("at most");
        assertThat(entries.save(draft("en", "Tab\tand\u0000null\u0007bell"), "a").title()).isEqualTo("Tab\tandnullbell");
    }

    @Test
    void unknownLanguagesSectionsAndSlugsAreRefused() {
        assertThatThrownBy(() -> entries.save(draft("fr", "Bonjour"), "a")).hasMessageContaining("no language 'fr'");
        assertThatThrownBy(() -> entries.save(EntryDraft.of("en", 42L, "T", "", "", null, EntryStatus.DRAFT), "a"))
                .hasMessageContaining("no section 42");
        assertThatThrownBy(() -> entries.save(draft("en", "T").withSlug("../etc/passwd"), "a"))
                .isInstanceOf(InvalidEntry.class);
    }

    private EntryDraft draft(String language, String title) {
        return EntryDraft.of(language, news.id(), title, "<p>" + title + "</p>", "Tester", null, EntryStatus.DRAFT);
    }

    private EntryDraft published(String language, String title, Instant at) {
        return EntryDraft.of(language, news.id(), title, "<p>" + title + "</p>", "Tester", at, EntryStatus.PUBLISHED);
    }
}
