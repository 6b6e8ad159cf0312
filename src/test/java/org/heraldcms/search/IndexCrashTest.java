package org.heraldcms.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.site.Sections;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/** The index agrees with the database after a crash, with an index left behind, a corrupted one and none at all. */
class IndexCrashTest {

    @TempDir
    Path dataDir;

    @Test
    void killingHeraldWhilePublishingLeavesAnIndexThatAgreesWithTheDatabaseAfterARestart() throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PublishingChild.class.getName(), dataDir.toString())
                .redirectError(log.toFile()).start();
        int killAt = ThreadLocalRandom.current().nextInt(12, 40);
        int saved = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && saved < killAt; line = out.readLine()) {
                if (line.startsWith("saved ")) {
                    saved = Integer.parseInt(line.substring(6));
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(saved).as("the child saved entries before it was killed; see " + log).isEqualTo(killAt);

        try (RunningHerald herald = RunningHerald.start(dataDir)) {
            assertAgrees(herald);
            assertThat(herald.bean(Search.class).search(SearchQuery.of("en", "kiwi")).total())
                    .isEqualTo(visibleCount(herald, "Crash article %"));
        }
        Files.deleteIfExists(log);
    }

    @Test
    void anIndexLeftBehindTheDatabaseIsCaughtUpAtStartUp() throws IOException {
        Path stale = dataDir.resolveSibling(dataDir.getFileName() + "-stale-index");
        long demoEntry;
        try (RunningHerald herald = RunningHerald.start(dataDir)) {
            demoEntry = herald.bean(Search.class).search(SearchQuery.of("en", "\"demo site\"")).hits().get(0).entryId();
        }
        copy(dataDir.resolve("index"), stale);
        try (RunningHerald herald = RunningHerald.start(dataDir)) {
            Entries entries = herald.bean(Entries.class);
            long news = herald.bean(Sections.class).byPath("en", "news").orElseThrow().id();
            entries.save(EntryDraft.of("en", news, "Platypus sighting", "<p>A platypus in the river.</p>", "t",
                    null, EntryStatus.PUBLISHED), "t");
            Entry demo = entries.find(demoEntry).orElseThrow();
            entries.save(new EntryDraft(demo.id(), null, "en", demo.sectionId(), demo.title(), demo.slug(), "",
                    demo.body(), "", "", demo.publishedAt(), EntryStatus.ARCHIVED, false, java.util.List.of(), "", ""), "t");
        }
        FileSystemUtils.deleteRecursively(dataDir.resolve("index"));
        copy(stale, dataDir.resolve("index")); // as if the process died after the database commits, before the index's

        try (RunningHerald herald = RunningHerald.start(dataDir)) {
            assertAgrees(herald);
            Search search = herald.bean(Search.class);
            assertThat(search.search(SearchQuery.of("en", "platypus")).total()).isEqualTo(1);
            assertThat(search.indexedVersions()).doesNotContainKey(demoEntry);
        }
        FileSystemUtils.deleteRecursively(stale);
    }

    @Test
    void aCorruptedOrMissingIndexIsRebuiltFromTheDatabase() throws IOException {
        try (RunningHerald herald = RunningHerald.start(dataDir)) {
            assertAgrees(herald);
        }
        try (Stream<Path> files = Files.list(dataDir.resolve("index"))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(file, "not an index".getBytes(StandardCharsets.UTF_8));
            }
        }
        try (RunningHerald herald = RunningHerald.start(dataDir)) {
            assertAgrees(herald);
            assertThat(herald.bean(Search.class).search(SearchQuery.of("zh", "合作")).total()).isPositive();
        }
        FileSystemUtils.deleteRecursively(dataDir.resolve("index"));
        try (RunningHerald herald = RunningHerald.start(dataDir)) {
            assertAgrees(herald);
            assertThat(herald.get("/ru/search?q=" + java.net.URLEncoder.encode("сотрудничество", StandardCharsets.UTF_8))
                    .body()).contains("class=\"result\"");
        }
    }

    /** Every entry on the public site is in the index at its last save, and nothing else is. */
    static void assertAgrees(RunningHerald herald) {
        Map<Long, Long> expected = new HashMap<>();
        herald.bean(JdbcClient.class).sql("SELECT id, updated_at FROM entry WHERE status = 'published' AND published_at <= ?")
                .param(org.heraldcms.platform.Timestamps.now())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> expected.put(rs.getLong(1),
                        java.time.Instant.parse(rs.getString(2)).toEpochMilli()));
        assertThat(expected).isNotEmpty();
        assertThat(herald.bean(Search.class).indexedVersions()).isEqualTo(expected);
    }

    static long visibleCount(RunningHerald herald, String titleLike) {
        return herald.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM entry WHERE status = 'published' AND title LIKE ?")
                .param(titleLike).query(Long.class).single();
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
