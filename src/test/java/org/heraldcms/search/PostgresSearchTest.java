package org.heraldcms.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.site.Sections;
import org.heraldcms.support.RunningHerald;
import org.heraldcms.support.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** The index follows the content and is rebuilt from the database on PostgreSQL too. */
class PostgresSearchTest {

    @TempDir
    Path dataDir;

    @Test
    void theIndexFollowsAPostgresDatabase() throws Exception {
        TestServices.assumePostgres();
        String schema = TestServices.createPostgresSchema();
        String[] properties = {"--spring.datasource.url=" + TestServices.postgresUrl(schema),
                "--spring.datasource.username=" + TestServices.POSTGRES_USER};
        try {
            try (RunningHerald herald = RunningHerald.start(dataDir, properties)) {
                Entries entries = herald.bean(Entries.class);
                long news = herald.bean(Sections.class).byPath("ru", "novosti").orElseThrow().id();
                Entry saved = entries.save(EntryDraft.of("ru", news, "Соглашение о сотрудничестве",
                        "<p>Стороны договорились о сотрудничестве.</p>", "t", Instant.parse("2024-01-01T00:00:00Z"),
                        EntryStatus.PUBLISHED), "t");
                Search search = herald.bean(Search.class);
                assertThat(search.search(SearchQuery.of("ru", "сотрудничество")).hits()).extracting(SearchHit::entryId)
                        .contains(saved.id());
                entries.save(new EntryDraft(saved.id(), null, "ru", news, saved.title(), saved.slug(), "", saved.body(),
                        "t", "", saved.publishedAt(), EntryStatus.ARCHIVED, false, java.util.List.of(), "", ""), "t");
                assertThat(search.search(SearchQuery.of("ru", "сотрудничество")).hits()).extracting(SearchHit::entryId)
                        .doesNotContain(saved.id());
            }
            FileSystemUtils.deleteRecursively(dataDir.resolve("index"));
            try (RunningHerald herald = RunningHerald.start(dataDir, properties)) {
                IndexCrashTest.assertAgrees(herald);
                assertThat(herald.bean(Search.class).search(SearchQuery.of("zh", "合作")).total()).isPositive();
            }
        } finally {
            TestServices.dropPostgresSchema(schema);
        }
    }
}
