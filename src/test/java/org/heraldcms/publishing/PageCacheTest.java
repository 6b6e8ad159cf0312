package org.heraldcms.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.Views;
import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Public pages come from memory after the first render, and change on the next request after a change. */
class PageCacheTest {

    static final String ARTICLE = PublicSiteTest.ARTICLE;

    @TempDir
    static Path dataDir;
    static RunningHerald herald;
    static AdminClient admin; // metrics are for admins

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir, "--herald.views.flush-every=PT1H");
        herald.bean(Users.class).add("ops", "Operations", Role.ADMIN, "a long enough password".toCharArray(),
                Optional.empty());
        admin = AdminClient.signedIn(herald, "ops", "a long enough password");
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    @Test
    void aSecondRequestWithTheETagGets304AndAnEmptyBody() {
        HttpResponse<String> first = herald.get(ARTICLE);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> second = herald.get(ARTICLE, "If-None-Match", etag);
        assertThat(second.statusCode()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        assertThat(herald.get(ARTICLE, "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void gzipIsServedToClientsThatAcceptItAndHoldsTheSameBytes() throws Exception {
        String plain = herald.get("/en/").body();
        HttpResponse<byte[]> zipped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(herald.uri("/en/"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.body().length).isLessThan(plain.getBytes(StandardCharsets.UTF_8).length);
        assertThat(gunzip(zipped.body())).isEqualTo(plain);
        assertThat(zipped.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void aCachedPageChangesOnTheNextRequestAfterAPublish() {
        String path = "/en/about/about-this-site";
        assertThat(herald.get(path).body()).contains("<h1>About this site</h1>");
        assertThat(herald.get(path).body()).contains("<h1>About this site</h1>");

        Entries entries = herald.bean(Entries.class);
        Entry about = entries.find(idOf(path)).orElseThrow();
        entries.save(new EntryDraft(about.id(), null, about.language(), about.sectionId(), "About this demo site",
                about.slug(), about.summary(), about.body(), about.author(), about.source(), about.publishedAt(),
                about.status(), about.featured(), java.util.List.of(), "", ""), "test");

        assertThat(herald.get(path).body()).contains("<h1>About this demo site</h1>");
        assertThat(herald.get("/en/about/").body()).contains("About this demo site");
    }

    @Test
    void aCacheHitDoesNotTouchTheDatabase() {
        herald.get("/ru/");
        herald.get(ARTICLE);
        // Scheduled work (the shared-changes check, publishing) borrows now and then: of three rounds of
        // forty hits, one must borrow nothing at all. Were hits read from the database, every round would.
        List<Long> borrowed = new ArrayList<>();
        for (int round = 0; round < 3 && !borrowed.contains(0L); round++) {
            long before = connectionsBorrowed();
            for (int i = 0; i < 20; i++) {
                assertThat(herald.get("/ru/").statusCode()).isEqualTo(200);
                assertThat(herald.get(ARTICLE).statusCode()).isEqualTo(200);
            }
            borrowed.add(connectionsBorrowed() - before);
        }
        assertThat(borrowed).as("connections borrowed in each round").contains(0L);
    }

    @Test
    void aVisitorCountsOncePerEntryAndPeriodAndViewsAreWrittenInBatches() {
        Entries entries = herald.bean(Entries.class);
        String path = "/zh/guan-yu-wo-men/guan-yu-ben-zhan";
        long id = idOf(path);
        long before = entries.find(id).orElseThrow().viewCount();
        for (int i = 0; i < 5; i++) {
            herald.get(path, "User-Agent", "reader-one");
        }
        herald.get(path, "User-Agent", "reader-two");
        assertThat(entries.find(id).orElseThrow().viewCount()).as("nothing written per request").isEqualTo(before);

        Views views = herald.bean(Views.class);
        views.flush();
        assertThat(entries.find(id).orElseThrow().viewCount()).isEqualTo(before + 2);
        assertThat(views.perDay(7).values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void cacheHitsAreObservable() {
        herald.get("/zh/");
        herald.get("/zh/");
        String metric = admin.get("/actuator/metrics/cache.gets?tag=cache:herald.pages&tag=result:hit").body();
        assertThat(metric).contains("\"COUNT\"");
    }

    private static long idOf(String path) {
        String[] parts = path.split("/");
        var site = herald.bean(org.heraldcms.site.Sections.class);
        var section = site.byPath(parts[1], parts[2]).orElseThrow();
        return herald.bean(Entries.class).findBySlug(parts[1], section.id(), parts[3]).orElseThrow().id();
    }

    private static long connectionsBorrowed() {
        String body = admin.get("/actuator/metrics/hikaricp.connections.usage").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"COUNT\",\"value\":([0-9.E]+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return (long) Double.parseDouble(m.group(1));
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
