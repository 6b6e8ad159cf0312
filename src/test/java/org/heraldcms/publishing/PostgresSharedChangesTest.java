package org.heraldcms.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.heraldcms.content.Entries;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.site.NewSection;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.support.RunningHerald;
import org.heraldcms.support.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two Herald instances on one PostgreSQL database: editors on both save at the same time, several
 * published entries per transaction, and nothing waits forever on the shared change stamp; a
 * section made on one instance is served by the other within seconds.
 */
class PostgresSharedChangesTest {

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    @Test
    void twoInstancesSaveTogetherAndSeeEachOthersChanges() throws Exception {
        TestServices.assumePostgres();
        String schema = TestServices.createPostgresSchema();
        String[] properties = {"--spring.datasource.url=" + TestServices.postgresUrl(schema),
                "--spring.datasource.username=" + TestServices.POSTGRES_USER, "--herald.changes.check-interval=PT0.2S"};
        try (RunningHerald a = RunningHerald.start(dirA, properties);
             RunningHerald b = RunningHerald.offline(dirB, properties)) {
            long news = a.bean(Sections.class).byPath("en", "news").orElseThrow().id();
            assertThat(a.get("/en/news/").statusCode()).isEqualTo(200); // now in a's page cache
            ExecutorService editors = Executors.newFixedThreadPool(6);
            List<Future<?>> saves = new ArrayList<>();
            for (RunningHerald instance : List.of(a, b)) {
                TransactionTemplate transaction = new TransactionTemplate(instance.bean(PlatformTransactionManager.class));
                Entries entries = instance.bean(Entries.class);
                for (int editor = 0; editor < 3; editor++) {
                    String who = instance == a ? "a" : "b";
                    int n = editor;
                    saves.add(editors.submit(() -> {
                        for (int i = 0; i < 5; i++) {
                            int item = i;
                            transaction.executeWithoutResult(status -> {
                                for (int part = 0; part < 2; part++) {
                                    entries.save(EntryDraft.of("en", news, "Item " + who + n + "-" + item + "-" + part,
                                            "<p>Saved together.</p>", "test", Instant.now().minusSeconds(60),
                                            EntryStatus.PUBLISHED), "test");
                                }
                            });
                        }
                    }));
                }
            }
            for (Future<?> save : saves) {
                save.get(60, TimeUnit.SECONDS); // a deadlock would end here
            }
            editors.shutdown();

            // The editors' entries all carry nearly the same time, so which of them head the list is
            // a matter of scheduling; one saved afterwards on b is the newest for certain.
            b.bean(Entries.class).save(EntryDraft.of("en", news, "Latest from b", "<p>Saved last.</p>", "test",
                    Instant.now(), EntryStatus.PUBLISHED), "test");
            b.bean(Sections.class).create(new NewSection(null, SectionKind.NEWS, 20, true, Map.of("en", "Briefings"),
                    Map.of("en", "briefings")));
            Instant end = Instant.now().plus(Duration.ofSeconds(30)); // seconds normally; a loaded machine may take longer
            while (a.get("/en/briefings/").statusCode() != 200 && Instant.now().isBefore(end)) {
                Thread.sleep(100);
            }
            assertThat(a.get("/en/briefings/").statusCode()).as("a section made on the other instance").isEqualTo(200);
            assertThat(a.get("/en/news/").body()).as("a's cached news list, after b published").contains("Latest from b");
            assertThat(a.get("/en/news/item-b0-4-1").statusCode()).isEqualTo(200);
        } finally {
            TestServices.dropPostgresSchema(schema);
        }
    }
}
