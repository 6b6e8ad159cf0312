package org.heraldcms.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.heraldcms.platform.HeraldProperties;
import org.heraldcms.publishing.internal.ExportFiles;
import org.heraldcms.publishing.internal.ExportLinks;
import org.heraldcms.site.Language;
import org.heraldcms.site.SiteSettings;
import org.springframework.stereotype.Service;

/**
 * Writes the whole public site as files that nginx or a CDN serves with clean URLs, by
 * crawling the running site from every language's home page and the sitemap: what is
 * exported is exactly what is served. Incremental: a file is written only when its bytes
 * changed, and files of pages that are gone are deleted (only files an earlier export wrote).
 */
@Service
public class StaticExport {

    private static final int WORKERS = 4;

    private final SiteSettings settings;
    private final HeraldProperties properties;

    StaticExport(SiteSettings settings, HeraldProperties properties) {
        this.settings = settings;
        this.properties = properties;
    }

    public record Report(int pages, int written, int unchanged, int deleted, List<String> broken, Duration took) {
    }

    /** Crawls the site served at {@code origin} (e.g. {@code http://127.0.0.1:8080}) into {@code target}. */
    public Report export(Path target, URI origin) {
        long started = System.nanoTime();
        ExportFiles files = ExportFiles.open(target);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> broken = java.util.Collections.synchronizedList(new ArrayList<>());
        ExportLinks links = new ExportLinks(properties.baseUrlPrefix());
        List<String> seeds = new ArrayList<>(List.of("/sitemap.xml", "/robots.txt"));
        settings.current().enabledLanguages().stream().map(Language::tag).forEach(tag -> seeds.add("/" + tag + "/"));
        Crawl crawl = new Crawl(WORKERS);
        for (String seed : seeds) {
            if (seen.add(seed)) {
                crawl.submit(() -> fetch(seed, null, origin, http, files, links, seen, broken, crawl, seeds.contains(seed)));
            }
        }
        crawl.awaitQuiet();
        int deleted = files.finish();
        return new Report(files.pages(), files.written(), files.unchanged(), deleted, new ArrayList<>(new TreeSet<>(broken)),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private void fetch(String path, String from, URI origin, HttpClient http, ExportFiles files, ExportLinks links,
                       Set<String> seen, List<String> broken, Crawl crawl, boolean optional) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(origin.resolve(path)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not fetch " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int status = response.statusCode();
        List<String> found = new ArrayList<>();
        if (status == 200) {
            // A no-store page (a form, the member sign-in) differs on every fetch by its CSRF token:
            // the first export keeps a copy so links hold, later ones leave it be.
            boolean perVisitor = response.headers().firstValue("Cache-Control").orElse("").contains("no-store");
            if (!perVisitor || !files.keep(path)) {
                files.write(path, response.body());
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("html") || type.contains("xml") || type.contains("text/plain")) {
                found.addAll(links.in(new String(response.body(), StandardCharsets.UTF_8)));
            }
        } else if (status >= 300 && status < 400) {
            response.headers().firstValue("Location").map(links::internal).ifPresent(found::add);
        } else if (!optional) {
            broken.add(path + " (" + status + (from == null ? "" : ", linked from " + from) + ")");
        }
        for (String link : found) {
            if (link != null && seen.add(link)) {
                crawl.submit(() -> fetch(link, path, origin, http, files, links, seen, broken, crawl, false));
            }
        }
    }

    /** A fixed pool that knows when no task is left, queued or running. */
    private static final class Crawl {
        private final java.util.concurrent.ExecutorService pool;
        private final Object lock = new Object();
        private int pending;
        private volatile RuntimeException failure;

        Crawl(int workers) {
            pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
        }

        void submit(Runnable task) {
            synchronized (lock) {
                pending++;
            }
            pool.execute(() -> {
                try {
                    if (failure == null) {
                        task.run();
                    }
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    synchronized (lock) {
                        if (--pending == 0) {
                            lock.notifyAll();
                        }
                    }
                }
            });
        }

        void awaitQuiet() {
            synchronized (lock) {
                while (pending > 0) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            pool.shutdown();
            if (failure != null) {
                throw failure;
            }
        }
    }
}
