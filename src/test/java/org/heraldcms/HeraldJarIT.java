package org.heraldcms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, as a new user runs it: {@code java -jar target/herald.jar} on an empty
 * data folder serves the captured article. Prints the time to the first 200 and the idle
 * RSS, for the record; they are not asserted, since this machine is shared and noisy.
 */
class HeraldJarIT {

    private static final String ARTICLE = "/en/news/interactive-consultations-held-between-sco-and-un-secretariats";

    @TempDir
    Path dataDir;

    @Test
    void theJarServesTheDemoSiteFromAnEmptyDataFolder() throws Exception {
        Path jar = Path.of("target/herald.jar");
        assertThat(jar).exists();
        int port = freePort();
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(List.of(javaBin(), "-jar", jar.toString(),
                "--herald.data-dir=" + dataDir.resolve("data"), "--server.port=" + port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpResponse<String> response = firstAnswer(http, URI.create("http://127.0.0.1:" + port + ARTICLE), process);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("<h1>Interactive Consultations Held Between SCO and UN Secretariats</h1>");
            Thread.sleep(3000);
            System.out.printf("[herald-jar] first 200 after %d ms; idle RSS %s%n", millis, rss(process.pid()));
        } finally {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertThat(Files.readString(log)).doesNotContain("ERROR");
    }

    private static HttpResponse<String> firstAnswer(HttpClient http, URI uri, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                assertThat(process.isAlive()).as("the jar exited early").isTrue();
                assertThat(System.nanoTime()).as("the jar answered within 90 s").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    private static String rss(long pid) throws IOException {
        Path status = Path.of("/proc/" + pid + "/status");
        if (!Files.exists(status)) {
            return "(unknown)";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> l.substring(6).strip()).findFirst().orElse("(unknown)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
