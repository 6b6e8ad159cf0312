package org.heraldcms.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;
import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.publishing.internal.ExportFiles;
import org.heraldcms.publishing.internal.ExportLinks;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported site, served as nginx would serve it, has no broken link and the live pages' bytes. */
class StaticExportTest {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path exportDir;
    static RunningHerald herald;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir);
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    @Test
    void theExportIsCompleteMatchesTheLivePagesAndIsIncremental() throws Exception {
        StaticExport export = herald.bean(StaticExport.class);
        StaticExport.Report first = export.export(exportDir, herald.uri(""));
        assertThat(first.broken()).isEmpty();
        assertThat(first.written()).isEqualTo(first.pages()).isGreaterThan(20);

        for (String path : List.of("/en/", "/ru/novosti/", PublicSiteTest.ARTICLE, "/zh/tags/he-zuo/", "/theme/style.css")) {
            byte[] live = herald.get(path).body().getBytes(StandardCharsets.UTF_8);
            assertThat(Files.readAllBytes(exportDir.resolve(ExportFiles.fileOf(path)))).as(path).isEqualTo(live);
        }
        assertThat(crawlExport()).as("pages reachable in the export").isGreaterThan(20);

        StaticExport.Report again = export.export(exportDir, herald.uri(""));
        assertThat(again.written()).isZero();
        assertThat(again.unchanged()).isEqualTo(first.pages());

        Entries entries = herald.bean(Entries.class);
        Entry about = entries.findBySlug("en", sectionId("en", "about"), "about-this-site").orElseThrow();
        entries.save(new EntryDraft(about.id(), null, "en", about.sectionId(), about.title(), about.slug(), "",
                about.body(), "", "", about.publishedAt(), EntryStatus.ARCHIVED, false, List.of(), "", ""), "test");
        StaticExport.Report afterChange = export.export(exportDir, herald.uri(""));
        assertThat(afterChange.broken()).isEmpty();
        assertThat(afterChange.deleted()).isGreaterThanOrEqualTo(1);
        assertThat(exportDir.resolve("en/about/about-this-site.html")).doesNotExist();
        assertThat(afterChange.written()).isGreaterThan(0).isLessThan(first.pages());
        assertThat(crawlExport()).isGreaterThan(20);
    }

    /** Serves the export with nginx's try_files rule and follows every internal link from each home page. */
    private static int crawlExport() throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Path file = null;
            for (String candidate : List.of(path.substring(1), path.substring(1) + ".html", path.substring(1) + "/index.html",
                    path.substring(1) + "index.html")) {
                Path f = exportDir.resolve(candidate).normalize();
                if (f.startsWith(exportDir) && Files.isRegularFile(f)) {
                    file = f;
                    break;
                }
            }
            byte[] body = file == null ? new byte[0] : Files.readAllBytes(file);
            exchange.sendResponseHeaders(file == null ? 404 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            ExportLinks links = new ExportLinks("http://localhost:8080");
            Set<String> seen = new HashSet<>(List.of("/en/", "/ru/", "/zh/"));
            Deque<String> queue = new ArrayDeque<>(seen);
            while (!queue.isEmpty()) {
                String path = queue.poll();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("exported " + path).isEqualTo(200);
                for (String link : links.in(r.body())) {
                    if (seen.add(link)) {
                        queue.add(link);
                    }
                }
            }
            return seen.size();
        } finally {
            server.stop(0);
        }
    }

    private static long sectionId(String lang, String path) {
        return herald.bean(org.heraldcms.site.Sections.class).byPath(lang, path).orElseThrow().id();
    }
}
