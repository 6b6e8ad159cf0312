package org.heraldcms.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.heraldcms.site.NewSection;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What feeds, sitemaps and archives read, the same on every database: published and due entries only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PublishedContentContract {

    protected RunningHerald herald;
    private PublishedContent published;
    private Section section;
    private Entry may;
    private Entry june;

    protected abstract RunningHerald start() throws Exception;

    /** Lazily, before the first test, so that the subclass can skip when its database is absent. */
    @BeforeEach
    void fill() throws Exception {
        if (herald != null) {
            return;
        }
        herald = start();
        published = herald.bean(PublishedContent.class);
        Entries entries = herald.bean(Entries.class);
        section = herald.bean(Sections.class).create(new NewSection(null, SectionKind.NEWS, 50, false,
                Map.of("en", "Feed test", "ru", "Лента")));
        Instant future = Instant.now().plus(30, ChronoUnit.DAYS);
        may = entries.save(draft("In May", Instant.parse("2021-05-10T08:00:00Z"), EntryStatus.PUBLISHED), "t");
        june = entries.save(draft("In June", Instant.parse("2021-06-01T00:00:00Z"), EntryStatus.PUBLISHED), "t");
        entries.save(draft("A draft", Instant.parse("2021-05-11T08:00:00Z"), EntryStatus.DRAFT), "t");
        entries.save(draft("In review", Instant.parse("2021-05-12T08:00:00Z"), EntryStatus.REVIEW), "t");
        entries.save(draft("Archived", Instant.parse("2021-05-13T08:00:00Z"), EntryStatus.ARCHIVED), "t");
        entries.save(draft("Scheduled", future, EntryStatus.SCHEDULED), "t");
        entries.save(draft("Published later", future, EntryStatus.PUBLISHED), "t");
    }

    @AfterAll
    void stop() {
        if (herald != null) {
            herald.close();
        }
    }

    private EntryDraft draft(String title, Instant at, EntryStatus status) {
        return EntryDraft.of("en", section.id(), title, "<p>" + title + "</p>", "desk", at, status);
    }

    @Test
    void theNewestPublishedEntriesOfASectionComeWithTheirBodies() {
        List<Entry> latest = published.latest("en", List.of(section.id()), 10);
        assertThat(latest).extracting(Entry::title).containsExactly("In June", "In May");
        assertThat(latest.get(0).body()).isEqualTo("<p>In June</p>");
        assertThat(published.latest("en", List.of(section.id()), 1)).extracting(Entry::title).containsExactly("In June");
        assertThat(published.latest("ru", List.of(section.id()), 10)).isEmpty();
        assertThat(published.latest("en", List.of(), 10)).isEmpty();
    }

    @Test
    void linksListEveryPublishedEntryAndNothingElse() {
        List<PublishedLink> links = published.links().stream().filter(l -> l.sectionId() == section.id()).toList();
        assertThat(links).extracting(PublishedLink::id).containsExactlyInAnyOrder(may.id(), june.id());
        PublishedLink first = links.stream().filter(l -> l.id() == may.id()).findFirst().orElseThrow();
        assertThat(first.slug()).isEqualTo("in-may");
        assertThat(first.translationGroupId()).isEqualTo(may.translationGroupId());
        assertThat(first.lastModified()).isEqualTo(may.updatedAt().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void anArchivePeriodHoldsWhatWasPublishedInItHalfOpen() {
        var mayPage = published.publishedBetween("en", Instant.parse("2021-05-01T00:00:00Z"),
                Instant.parse("2021-06-01T00:00:00Z"), 1, 10);
        assertThat(mayPage.items()).extracting(EntryCard::title).contains("In May").doesNotContain("In June",
                "A draft", "In review", "Archived");
        var year = published.publishedBetween("en", Instant.parse("2021-01-01T00:00:00Z"),
                Instant.parse("2022-01-01T00:00:00Z"), 1, 1);
        assertThat(year.total()).isGreaterThanOrEqualTo(2);
        assertThat(year.items()).hasSize(1);
    }

    @Test
    void theLastChangeIsTheLatestSave() {
        assertThat(published.lastChange()).hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(june.updatedAt().truncatedTo(ChronoUnit.MILLIS)));
    }
}
