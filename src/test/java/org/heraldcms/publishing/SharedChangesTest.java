package org.heraldcms.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.IntPredicate;

import org.heraldcms.identity.Members;
import org.heraldcms.site.NewSection;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionAccess;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second Herald process on the same data folder (the command line during an import, or another
 * instance) changes sections and their limits; the running server sees it within seconds, not at
 * its next restart, and a section limited elsewhere stops being public.
 */
class SharedChangesTest {

    @TempDir
    Path dataDir;

    @Test
    void changesMadeByAnotherProcessReachTheRunningServer() {
        String interval = "--herald.changes.check-interval=PT0.2S";
        try (RunningHerald server = RunningHerald.start(dataDir, interval)) {
            Section news = server.bean(Sections.class).byPath("en", "news").orElseThrow();
            assertThat(server.get(news.listPath("en")).statusCode()).isEqualTo(200); // now cached
            assertThat(server.get("/en/briefings/").statusCode()).isEqualTo(404);

            try (RunningHerald elsewhere = RunningHerald.offline(dataDir, interval)) {
                elsewhere.bean(Sections.class).create(new NewSection(null, SectionKind.NEWS, 20, true,
                        Map.of("en", "Briefings"), Map.of("en", "briefings")));
                long group = elsewhere.bean(Members.class).groupNamed("Members").orElseThrow().id();
                elsewhere.bean(SectionAccess.class).limit(news.id(), group);
            }

            assertThat(within(server, "/en/briefings/", status -> status == 200)).as("a section made elsewhere").isTrue();
            assertThat(within(server, news.listPath("en"), status -> status == 403))
                    .as("a section limited elsewhere is no longer public").isTrue();
            assertThat(server.get("/en/feed.atom").body()).doesNotContain("/en/news/");
        }
    }

    /** Whether the path answers as wanted within ten seconds. */
    private static boolean within(RunningHerald server, String path, IntPredicate wanted) {
        Instant end = Instant.now().plus(Duration.ofSeconds(30)); // seconds normally; a loaded machine may take longer
        while (Instant.now().isBefore(end)) {
            if (wanted.test(server.get(path).statusCode())) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
