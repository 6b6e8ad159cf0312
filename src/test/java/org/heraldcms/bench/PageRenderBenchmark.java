package org.heraldcms.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.publishing.internal.Pages;
import org.heraldcms.site.Language;
import org.heraldcms.site.Section;
import org.heraldcms.site.Sections;
import org.heraldcms.site.Site;
import org.heraldcms.site.SiteSettings;
import org.heraldcms.support.RunningHerald;
import org.heraldcms.text.RichText;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The captured article's page rendered without the page cache: the queries (entry, tags,
 * translations, neighbours) and the template, on the demo site in SQLite. Beside it, the
 * parts: the template alone is not separable, so the body sanitising and a bare query are shown.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class PageRenderBenchmark {

    private RunningHerald herald;
    private Path dataDir;
    private Pages pages;
    private Entries entries;
    private Site site;
    private Language english;
    private Section news;
    private Entry article;

    @Setup(Level.Trial)
    public void start() throws Exception {
        dataDir = Files.createTempDirectory("herald-bench");
        herald = RunningHerald.offline(dataDir, "--logging.level.root=WARN");
        pages = herald.bean(Pages.class);
        entries = herald.bean(Entries.class);
        site = herald.bean(SiteSettings.class).current();
        english = site.language("en").orElseThrow();
        news = herald.bean(Sections.class).byPath("en", "news").orElseThrow();
        article = entries.findPublished("en", news.id(), "interactive-consultations-held-between-sco-and-un-secretariats")
                .orElseThrow();
    }

    @TearDown(Level.Trial)
    public void stop() {
        herald.close();
    }

    @Benchmark
    public String entryPageUncached() {
        Entry entry = entries.findPublished("en", news.id(), article.slug()).orElseThrow();
        return pages.entry(site, english, news, entry);
    }

    @Benchmark
    public Object findEntryOnly() {
        return entries.findPublished("en", news.id(), article.slug()).orElseThrow();
    }

    @Benchmark
    public String sanitiseBodyOnly() {
        return RichText.sanitize(article.body());
    }
}
