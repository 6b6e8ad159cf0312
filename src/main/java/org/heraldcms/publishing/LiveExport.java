package org.heraldcms.publishing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryPublished;
import org.heraldcms.content.EntryUnpublished;
import org.heraldcms.content.PublishedContent;
import org.heraldcms.publishing.internal.ExportCrawler.LinkGraph;
import org.heraldcms.publishing.internal.ExportFiles;
import org.heraldcms.site.Section;
import org.heraldcms.site.SiteChanged;
import org.heraldcms.site.Sections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * With {@code herald.export.dir} set, the running server keeps a static export of itself
 * current: a full export at start and every {@code herald.export.full-every}, and after each
 * published change only the pages it touches: the entry's own page, every page linking to
 * it (lists, tags, neighbours, translations, related entries), the lists it now belongs to
 * (following a list's pages while they change), feeds and sitemaps. Related-entry boxes of
 * pages that did not link to the entry before pick it up at the next full export.
 */
@Component
@ConditionalOnProperty("herald.export.dir")
public class LiveExport {

    private static final Logger log = LoggerFactory.getLogger(LiveExport.class);
    private static final long SETTLE_MILLIS = 50;

    private final StaticExport export;
    private final Entries entries;
    private final PublishedContent published;
    private final Sections sections;
    private final Path target;
    private final Duration fullEvery;
    private final String address;
    private final ObjectProvider<MeterRegistry> metrics;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "herald-live-export");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();
    private final Map<Long, String> entryPaths = new ConcurrentHashMap<>();
    private volatile LinkGraph graph = new LinkGraph();
    private volatile boolean fullWanted = true;
    private volatile boolean scheduled;
    private volatile URI origin;
    private volatile StaticExport.Report lastPass;
    private long passes;

    LiveExport(StaticExport export, Entries entries, PublishedContent published, Sections sections,
               @Value("${herald.export.dir}") Path target, @Value("${herald.export.full-every:PT1H}") Duration fullEvery,
               @Value("${server.address:}") String address, ObjectProvider<MeterRegistry> metrics) {
        this.export = export;
        this.entries = entries;
        this.published = published;
        this.sections = sections;
        this.target = target;
        this.fullEvery = fullEvery;
        this.address = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1" : address;
        this.metrics = metrics;
    }

    @EventListener
    void on(WebServerInitializedEvent event) {
        if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
            String host = address.contains(":") ? "[" + address + "]" : address;
            origin = URI.create("http://" + host + ":" + event.getWebServer().getPort());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        worker.scheduleWithFixedDelay(this::wantFull, fullEvery.toMillis(), fullEvery.toMillis(), TimeUnit.MILLISECONDS);
        schedule();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EntryPublished event) {
        changed.add(event.entryId());
        schedule();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EntryUnpublished event) {
        changed.add(event.entryId());
        schedule();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SiteChanged event) {
        wantFull();
    }

    /** The last pass's report, and how many passes ran: for tests and the log. */
    public synchronized StaticExport.Report lastPass() {
        return lastPass;
    }

    public synchronized long passes() {
        return passes;
    }

    private void wantFull() {
        fullWanted = true;
        schedule();
    }

    private synchronized void schedule() {
        if (!scheduled && origin != null) {
            scheduled = true;
            worker.schedule(this::pass, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void pass() {
        synchronized (this) {
            scheduled = false;
        }
        boolean full = fullWanted;
        Set<Long> ids = new HashSet<>(changed);
        changed.removeAll(ids);
        try {
            StaticExport.Report report;
            if (full) {
                fullWanted = false;
                report = fullPass();
            } else if (!ids.isEmpty()) {
                Set<String> entryPages = new LinkedHashSet<>();
                Set<String> pages = pagesTouchedBy(ids, entryPages);
                report = export.refresh(target, origin, graph, pages, entryPages);
            } else {
                return;
            }
            Timer.builder("herald.export.pass").tag("kind", full ? "full" : "changes").register(metrics.getObject())
                    .record(report.took());
            log.info("Static export ({}) into {} in {} ms: {} written, {} deleted, {} files", full ? "full" : ids.size()
                    + " changed", target, report.took().toMillis(), report.written(), report.deleted(), report.pages());
            report.broken().forEach(b -> log.warn("Static export: broken link {}", b));
            synchronized (this) {
                lastPass = report;
                passes++;
                notifyAll();
            }
        } catch (RuntimeException e) {
            log.warn("Static export into {} failed; the next full export will repair it", target, e);
            fullWanted = true;
        }
    }

    private StaticExport.Report fullPass() {
        Map<Long, String> paths = new ConcurrentHashMap<>();
        published.links().forEach(link -> sections.byId(link.sectionId())
                .ifPresent(s -> paths.put(link.id(), s.entryPath(link.language(), link.slug()))));
        LinkGraph fresh = new LinkGraph();
        StaticExport.Report report = export.export(target, origin, fresh);
        graph = fresh;
        entryPaths.clear();
        entryPaths.putAll(paths);
        return report;
    }

    private Set<String> pagesTouchedBy(Set<Long> ids, Set<String> entryPages) {
        Set<String> pages = new LinkedHashSet<>();
        Set<String> languages = new HashSet<>();
        for (long id : ids) {
            Optional.ofNullable(entryPaths.remove(id)).ifPresent(old -> {
                pages.add(old);
                pages.addAll(graph.pagesLinkingTo(old));
            });
            entries.find(id).filter(entries::isVisible).ifPresent(entry -> {
                languages.add(entry.language());
                sections.byId(entry.sectionId()).ifPresent(section -> {
                    String path = section.entryPath(entry.language(), entry.slug());
                    entryPaths.put(id, path);
                    pages.add(path);
                    entryPages.add(path);
                    pages.addAll(graph.pagesLinkingTo(path));
                    pages.addAll(listsOf(entry, section));
                });
            });
            entries.find(id).ifPresent(entry -> languages.add(entry.language()));
        }
        for (String path : ExportFiles.open(target).previousPaths()) {
            boolean feedOrSitemap = path.endsWith(".xml") || path.endsWith(".atom") || path.endsWith(".rss");
            if (feedOrSitemap && (path.startsWith("/sitemap") || languages.stream().anyMatch(l -> path.startsWith("/" + l + "/")))) {
                pages.add(path);
            }
        }
        return pages;
    }

    /** The lists an entry belongs to now: its language's home, its section and those above, its tags. */
    private Set<String> listsOf(Entry entry, Section section) {
        Set<String> lists = new LinkedHashSet<>();
        lists.add("/" + entry.language() + "/");
        for (Optional<Section> s = Optional.of(section); s.isPresent();
             s = s.get().parentId() == null ? Optional.empty() : sections.byId(s.get().parentId())) {
            lists.add(s.get().listPath(entry.language()));
        }
        entry.tags().forEach(tag -> lists.add("/" + entry.language() + "/tags/" + tag.slug() + "/"));
        return lists;
    }

    /** Waits until at least {@code count} passes have run; for tests. */
    public synchronized StaticExport.Report awaitPasses(long count, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (passes < count && System.nanoTime() < until) {
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
        }
        return lastPass;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
