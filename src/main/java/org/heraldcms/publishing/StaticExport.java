package org.heraldcms.publishing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.heraldcms.platform.HeraldProperties;
import org.heraldcms.publishing.internal.ExportCrawler;
import org.heraldcms.publishing.internal.ExportCrawler.LinkGraph;
import org.heraldcms.publishing.internal.ExportFiles;
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
        return export(target, origin, new LinkGraph());
    }

    Report export(Path target, URI origin, LinkGraph graph) {
        long started = System.nanoTime();
        ExportFiles files = ExportFiles.open(target);
        List<String> optional = List.of("/sitemap.xml", "/robots.txt");
        List<String> seeds = new ArrayList<>(optional);
        settings.current().enabledLanguages().stream().map(Language::tag).forEach(tag -> seeds.add("/" + tag + "/"));
        try (ExportCrawler crawler = new ExportCrawler(origin, properties.baseUrlPrefix(), graph, files)) {
            crawler.crawl(seeds, optional);
            int deleted = files.finish();
            return new Report(files.pages(), files.written(), files.unchanged(), deleted, crawler.broken(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * Fetches only these pages again (and what they newly lead to), keeping the rest of the
     * export; then the entry pages the changed entries' pages now link to (their neighbours,
     * translations and related entries, whose own boxes are likely to show them in turn).
     */
    Report refresh(Path target, URI origin, LinkGraph graph, Collection<String> paths, Collection<String> entryPages) {
        long started = System.nanoTime();
        ExportFiles files = ExportFiles.open(target);
        try (ExportCrawler crawler = new ExportCrawler(origin, properties.baseUrlPrefix(), graph, files)) {
            crawler.refresh(paths);
            crawler.refresh(entryPages.stream().flatMap(page -> graph.linksOf(page).stream()).toList());
            int deleted = files.deleted();
            files.finishPartial();
            return new Report(files.pages(), files.written(), files.unchanged(), deleted, crawler.broken(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
