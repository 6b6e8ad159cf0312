package org.heraldcms.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.content.Redirects;
import org.heraldcms.site.NewSection;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Old addresses answer one 301 to the newest; no answer ever links to the host a request claims. */
class RedirectsAndHostTest {

    static final String BASE = "https://news.example.org";
    static final String ARTICLE = "/en/news/interactive-consultations-held-between-sco-and-un-secretariats";

    @TempDir
    static Path dataDir;
    static RunningHerald herald;
    static Entries entries;
    static Section news;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir, "--herald.base-url=" + BASE);
        entries = herald.bean(Entries.class);
        news = herald.bean(Sections.class).byPath("en", "news").orElseThrow();
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    @Test
    void renamingASlugTwiceLeavesBothOldUrlsOneHopFromTheNewest() {
        Entry first = entries.save(EntryDraft.of("en", news.id(), "Summit opens", "<p>Opening.</p>", "desk",
                Instant.parse("2024-03-01T10:00:00Z"), EntryStatus.PUBLISHED), "test");
        assertThat(herald.get("/en/news/summit-opens").statusCode()).isEqualTo(200);
        Entry second = entries.save(EntryDraft.from(first).withSlug("summit-begins"), "test");
        entries.save(EntryDraft.from(second).withSlug("summit-starts-in-geneva"), "test");

        for (String old : List.of("/en/news/summit-opens", "/en/news/summit-begins")) {
            HttpResponse<String> response = herald.get(old);
            assertThat(response.statusCode()).as(old).isEqualTo(301);
            assertThat(response.headers().firstValue("Location")).as(old).contains("/en/news/summit-starts-in-geneva");
        }
        assertThat(herald.get("/en/news/summit-starts-in-geneva").statusCode()).isEqualTo(200);
    }

    @Test
    void movingAnEntryToAnotherSectionKeepsItsOldAddress() {
        Section events = herald.bean(Sections.class).create(new NewSection(null, SectionKind.NEWS, 5, true,
                Map.of("en", "Meetings"))); // the demo site has an "Events" section (issue 9)
        Entry entry = entries.save(EntryDraft.of("en", news.id(), "Forum in Almaty", "<p>Forum.</p>", "desk",
                Instant.parse("2024-04-01T10:00:00Z"), EntryStatus.PUBLISHED), "test");
        Entry renamed = entries.save(EntryDraft.from(entry).withSlug("almaty-forum"), "test");
        EntryDraft moved = new EntryDraft(renamed.id(), null, "en", events.id(), renamed.title(), renamed.slug(),
                renamed.summary(), renamed.body(), renamed.author(), renamed.source(), renamed.publishedAt(),
                renamed.status(), false, List.of(), "", "");
        entries.save(moved, "test");

        for (String old : List.of("/en/news/forum-in-almaty", "/en/news/almaty-forum")) {
            HttpResponse<String> response = herald.get(old);
            assertThat(response.statusCode()).as(old).isEqualTo(301);
            assertThat(response.headers().firstValue("Location")).as(old).contains("/en/meetings/almaty-forum");
        }
        assertThat(herald.get("/en/meetings/almaty-forum").statusCode()).isEqualTo(200);
    }

    @Test
    void anImportedRedirectChainCollapsesToOneHopAndOldQueryStringsMatch() {
        Redirects redirects = herald.bean(Redirects.class);
        redirects.add("/index.php?lang=en&id=12", "/old/news/12.html", "import");
        redirects.add("/old/news/12.html", ARTICLE, "import");
        HttpResponse<String> response = herald.get("/index.php?lang=en&id=12");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).contains(ARTICLE);
        assertThat(herald.get(ARTICLE).statusCode()).isEqualTo(200);
    }

    @Test
    void aRedirectCannotPointAtAnotherHostThroughAProtocolRelativePath() {
        Redirects redirects = herald.bean(Redirects.class);
        for (String target : List.of("//evil.example/x", "/\\evil.example/x", "javascript:alert(1)", "evil.example", "")) {
            assertThatThrownBy(() -> redirects.add("/from-" + Math.abs(target.hashCode()), target, "import"))
                    .as(target).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> redirects.add("//evil.example", "/en/", "import")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aForgedHostNeverReachesAnyLinkOrLocation() {
        Entry entry = entries.save(EntryDraft.of("en", news.id(), "Host check", "<p><a href=\"/en/about/\">About</a></p>",
                "desk", Instant.parse("2024-05-01T10:00:00Z"), EntryStatus.PUBLISHED), "test");
        entries.save(EntryDraft.from(entry).withSlug("host-checked"), "test");
        List<String> paths = List.of("/", "/en/", "/en", ARTICLE, "/en/news/", "/en/news", "/en/news/page/1/",
                "/en/news/host-check", "/en/news/host-checked", "/en/feed.atom", "/en/feed.rss", "/ru/novosti/feed.atom",
                "/sitemap.xml", "/sitemap-en-1.xml", "/sitemap-zh-1.xml", "/robots.txt", "/en/archive/2021/",
                "/en/archive/2021/page/1/", "/nowhere", "/en/no-such-page", "/en/tags/sco/");
        List<List<String>> forgeries = List.of(
                List.of("Host: evil.example"),
                List.of("Host: evil.example:8443"),
                List.of("Host: evil.example", "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: http",
                        "X-Forwarded-Port: 80", "Forwarded: host=evil.example;proto=http"));
        for (String path : paths) {
            for (List<String> headers : forgeries) {
                String answer = herald.raw(path, headers.toArray(String[]::new));
                assertThat(answer).as(path + " with " + headers).startsWith("HTTP/1.1 ");
                assertThat(answer.toLowerCase()).as(path + " with " + headers).doesNotContain("evil.example");
                String location = answer.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9))
                        .findFirst().map(l -> l.substring(9).strip()).orElse(null);
                if (location != null) {
                    assertThat(location).as(path).matches("(/[^/\\\\].*|/|" + BASE.replace(".", "\\.") + "/.*)");
                }
            }
        }
    }
}
