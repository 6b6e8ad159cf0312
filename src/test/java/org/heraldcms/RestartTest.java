package org.heraldcms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A restart on the same data folder keeps everything and adds nothing. */
class RestartTest {

    private static final List<String> TABLES = List.of("site", "language", "section", "section_name",
            "translation_group", "entry", "tag", "entry_tag", "revision", "redirect");

    @TempDir
    Path dataDir;

    @Test
    void restartingKeepsTheSiteAndAddsNothing() {
        Map<String, Long> before;
        String pageBefore;
        try (RunningHerald first = RunningHerald.start(dataDir)) {
            before = counts(first);
            pageBefore = first.get("/ru/").body();
        }
        assertThat(Files.exists(dataDir.resolve("herald.db"))).isTrue();
        assertThat(before.get("entry")).isGreaterThanOrEqualTo(10);
        assertThat(before.get("language")).isEqualTo(3);

        try (RunningHerald second = RunningHerald.start(dataDir)) {
            assertThat(counts(second)).isEqualTo(before);
            assertThat(second.get("/ru/").body()).isEqualTo(pageBefore);
        }
    }

    private static Map<String, Long> counts(RunningHerald herald) {
        JdbcClient jdbc = herald.bean(JdbcClient.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }
}
