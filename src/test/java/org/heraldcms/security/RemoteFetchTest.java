package org.heraldcms.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.platform.RemoteFetch;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SECURITY.md 9 — server-side request forgery. A small HTTP server on 127.0.0.1 plays both the
 * attacker's target (it must never be reached) and, with the test-only loopback allowance, an ordinary
 * remote site (an image, redirects to private and metadata addresses, an oversized file).
 */
class RemoteFetchTest {

    static HttpServer server;
    static final AtomicInteger hits = new AtomicInteger();
    static int port;

    @TempDir
    static Path root;
    static AttackSite site;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            byte[] body = AttackSite.png();
            switch (path) {
                case "/to-metadata" -> redirect(exchange, "http://169.254.169.254/latest/meta-data/");
                case "/to-private" -> redirect(exchange, "http://10.0.0.1/");
                case "/to-mapped" -> redirect(exchange, "http://[::ffff:169.254.169.254]/");
                case "/to-self" -> redirect(exchange, "/image.png");
                case "/loop" -> redirect(exchange, "/loop");
                case "/huge" -> {
                    exchange.sendResponseHeaders(200, 0);
                    try (var out = exchange.getResponseBody()) {
                        byte[] chunk = new byte[64 * 1024];
                        for (int i = 0; i < 200; i++) {
                            out.write(chunk);
                        }
                    } catch (IOException ignored) {
                        // the client hung up once it had enough, as it should
                    }
                    return;
                }
                default -> {
                    exchange.getResponseHeaders().add("Content-Type", "image/png");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            }
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
        site = AttackSite.start(root, "--herald.remote-fetch.allow-loopback=true");
    }

    static void redirect(com.sun.net.httpserver.HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().add("Location", to);
        exchange.sendResponseHeaders(302, -1);
    }

    @AfterAll
    static void stop() {
        site.close();
        server.stop(0);
    }

    @Test
    void localPrivateLinkLocalAndOddlyWrittenAddressesAreRefusedBeforeAnyConnection() {
        RemoteFetch fetch = new RemoteFetch(false);
        int before = hits.get();
        for (String url : List.of("http://127.0.0.1:" + port + "/image.png", "http://localhost:" + port + "/",
                "http://[::1]:" + port + "/", "http://[::ffff:127.0.0.1]:" + port + "/", "http://[::ffff:7f00:1]:" + port + "/",
                "http://2130706433:" + port + "/", "http://0x7f.1:" + port + "/", "http://0x7f000001:" + port + "/",
                "http://017700000001:" + port + "/", "http://0177.0.0.1:" + port + "/", "http://127.1:" + port + "/",
                "http://0.0.0.0:" + port + "/", "http://[::]:" + port + "/", "http://169.254.169.254/latest/meta-data/",
                "http://[fe80::1]/", "http://[fd00::1]/", "http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/",
                "http://100.64.0.1/", "http://224.0.0.1/", "http://[::ffff:10.0.0.1]/", "http://[64:ff9b::a9fe:a9fe]/",
                "http://[2002:7f00:1::]/", "file:///etc/passwd", "ftp://example.org/", "gopher://127.0.0.1:6379/_INFO",
                "jar:http://127.0.0.1!/", "http://user@127.0.0.1:" + port + "/", "//127.0.0.1/", "")) {
            assertThatThrownBy(() -> fetch.get(url, 1024)).as(url).isInstanceOf(RemoteFetch.Refused.class);
        }
        assertThat(hits.get()).as("the local server was never reached").isEqualTo(before);
    }

    @Test
    void everyRedirectIsCheckedAgainAndTheirNumberAndSizeAreLimited() {
        RemoteFetch fetch = new RemoteFetch(true); // loopback allowed: the test server stands for a remote site
        String base = "http://127.0.0.1:" + port;
        assertThat(fetch.get(base + "/to-self", MediaLibrary.MAX_BYTES).body()).isEqualTo(AttackSite.png());
        for (String path : List.of("/to-metadata", "/to-private", "/to-mapped")) {
            assertThatThrownBy(() -> fetch.get(base + path, MediaLibrary.MAX_BYTES)).as(path)
                    .isInstanceOf(RemoteFetch.Refused.class).hasMessageContaining("not allowed");
        }
        assertThatThrownBy(() -> fetch.get(base + "/loop", MediaLibrary.MAX_BYTES))
                .hasMessageContaining("redirects");
        assertThatThrownBy(() -> fetch.get(base + "/huge", 1024 * 1024)).hasMessageContaining("larger than");
    }

    @Test
    void theMediaLibraryImportsFromAnAddressThroughTheCheckedFetch() {
        var editor = site.clients.get("editor");
        int before = site.herald.bean(MediaLibrary.class).recent(1000).size();
        HttpResponse<String> imported = editor.post("/admin/media/import", true, "url",
                "http://127.0.0.1:" + port + "/photo.png");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(303);
        assertThat(site.herald.bean(MediaLibrary.class).recent(1)).singleElement()
                .satisfies(m -> assertThat(m.storedName()).matches("[0-9a-f]{32}\\.png"));
        HttpResponse<String> refused = editor.post("/admin/media/import", true, "url",
                "http://127.0.0.1:" + port + "/to-metadata");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select(".problem").text()).contains("not allowed");
        assertThat(site.herald.bean(MediaLibrary.class).recent(1000)).hasSize(before + 1);
        assertThat(site.clients.get("translator").post("/admin/media/import", true, "url", "http://127.0.0.1:" + port
                + "/photo.png").statusCode()).isEqualTo(403);
    }
}
