package org.heraldcms.publishing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heraldcms.content.Views;

/**
 * Fetches pages of the running site into an {@link ExportFiles} folder: either everything
 * reachable from some seeds, or, after a change, only some pages again. It remembers which
 * pages link to which entry-like page (a path without a trailing slash or a dot), so that
 * after an entry changes the pages that show it can be found without a crawl.
 */
public final class ExportCrawler implements AutoCloseable {

    /** The user agent of the export's requests: they are not readers, so their views do not count. */
    private static final String AGENT = Views.EXPORT_AGENT;

    private static final int WORKERS = 4;
    private static final Pattern PAGED = Pattern.compile("^(.*/)page/(\\d+)/$");

    private final URI origin;
    private final ExportLinks links;
    private final LinkGraph graph;
    private final ExportFiles files;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<String> broken = Collections.synchronizedList(new ArrayList<>());
    private final Pool pool = new Pool(WORKERS);

    public ExportCrawler(URI origin, String baseUrl, LinkGraph graph, ExportFiles files) {
        this.origin = origin;
        this.links = new ExportLinks(baseUrl);
        this.graph = graph;
        this.files = files;
    }

    /** Which pages link to which entry-like pages; kept between exports of a running site. */
    public static final class LinkGraph {
        private final Map<String, Set<String>> linkedFrom = new ConcurrentHashMap<>();
        private final Map<String, List<String>> linksOf = new ConcurrentHashMap<>();

        /** The entry-like pages this page linked to when it was last exported. */
        public List<String> linksOf(String page) {
            return linksOf.getOrDefault(page, List.of());
        }

        public Set<String> pagesLinkingTo(String path) {
            Set<String> from = linkedFrom.get(path);
            return from == null ? Set.of() : Set.copyOf(from);
        }

        void record(String page, List<String> targets) {
            List<String> kept = targets.stream().filter(LinkGraph::entryLike).distinct().toList();
            List<String> before = linksOf.put(page, kept);
            if (before != null) {
                before.forEach(t -> {
                    Set<String> from = linkedFrom.get(t);
                    if (from != null) {
                        from.remove(page);
                    }
                });
            }
            kept.forEach(t -> linkedFrom.computeIfAbsent(t, k -> ConcurrentHashMap.newKeySet()).add(page));
        }

        void forget(String page) {
            record(page, List.of());
            linksOf.remove(page);
        }

        private static boolean entryLike(String path) {
            return !path.endsWith("/") && path.indexOf('.', path.lastIndexOf('/')) < 0;
        }
    }

    /** Visits the seeds and everything they lead to; {@code optional} seeds may be missing. */
    public void crawl(Collection<String> seeds, Collection<String> optional) {
        for (String seed : seeds) {
            follow(seed, null, optional.contains(seed));
        }
        pool.awaitQuiet();
    }

    /**
     * Visits these pages again. Links to pages the export does not have yet are followed;
     * a list page that changed is followed by its next page (a new entry shifts every page
     * of a list by one); pages that are gone lose their files.
     */
    public void refresh(Collection<String> paths) {
        for (String path : paths) {
            if (path == null) {
                continue;
            }
            if (seen.add(path)) {
                pool.submit(() -> visit(path, null, true, true));
            }
        }
        pool.awaitQuiet();
    }

    @Override
    public void close() {
        pool.shutdown();
    }

    public List<String> broken() {
        return new ArrayList<>(new TreeSet<>(broken));
    }

    private void follow(String path, String from, boolean optional) {
        if (path != null && seen.add(path)) {
            pool.submit(() -> visit(path, from, optional, false));
        }
    }

    private void visit(String path, String from, boolean optional, boolean refreshing) {
        HttpResponse<byte[]> response = fetch(path);
        int status = response.statusCode();
        List<String> found = new ArrayList<>();
        if (status == 200) {
            // A no-store page (a form, the member sign-in) differs on every fetch by its CSRF token:
            // the first export keeps a copy so links hold, later ones leave it be.
            boolean perVisitor = response.headers().firstValue("Cache-Control").orElse("").contains("no-store");
            boolean changed = !(perVisitor && files.keep(path)) && files.write(path, response.body());
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("html") || type.contains("xml") || type.contains("text/plain")) {
                found.addAll(links.in(new String(response.body(), StandardCharsets.UTF_8)));
            }
            graph.record(path, found);
            if (refreshing && changed) {
                nextOf(path).filter(files::has).ifPresent(next -> {
                    if (seen.add(next)) {
                        pool.submit(() -> visit(next, path, true, true));
                    }
                });
            }
        } else {
            if (refreshing) {
                files.remove(path);
                graph.forget(path);
            }
            if (status >= 300 && status < 400) {
                response.headers().firstValue("Location").map(links::internal).ifPresent(found::add);
            } else if (!optional) {
                broken.add(path + " (" + status + (from == null ? "" : ", linked from " + from) + ")");
            }
        }
        for (String link : found) {
            if (link != null && (!refreshing || !files.has(link))) {
                follow(link, path, false);
            }
        }
    }

    private static java.util.Optional<String> nextOf(String path) {
        Matcher paged = PAGED.matcher(path);
        if (paged.matches()) {
            return java.util.Optional.of(paged.group(1) + "page/" + (Integer.parseInt(paged.group(2)) + 1) + "/");
        }
        return path.endsWith("/") ? java.util.Optional.of(path + "page/2/") : java.util.Optional.empty();
    }

    private HttpResponse<byte[]> fetch(String path) {
        try {
            return http.send(HttpRequest.newBuilder(origin.resolve(path)).header("User-Agent", AGENT)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not fetch " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching " + path, e);
        }
    }

    /** A fixed pool that knows when no task is left, queued or running. */
    private static final class Pool {
        private final ExecutorService workers;
        private final Object lock = new Object();
        private int pending;
        private volatile RuntimeException failure;

        Pool(int size) {
            workers = Executors.newFixedThreadPool(size);
        }

        void submit(Runnable task) {
            synchronized (lock) {
                pending++;
            }
            workers.execute(() -> {
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
            if (failure != null) {
                throw failure;
            }
        }

        void shutdown() {
            workers.shutdownNow();
        }
    }
}
