package org.heraldcms.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryCard;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.publishing.LiveExport;
import org.heraldcms.publishing.StaticExport;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Times the live export (bench/run.sh): serves the site with {@code herald.export.dir}, waits
 * for the first, full export, then changes the newest news entry's title and publishes a new
 * entry through the running server, and prints how long each export pass took.
 */
@Command(name = "bench-live-export", hidden = true, description = "Time the live static export after one change.")
class BenchLiveExportCommand implements Callable<Integer> {

    @ParentCommand
    HeraldCommand herald;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR")
    Path dir;

    @Override
    public Integer call() throws Exception {
        try (ConfigurableApplicationContext context = Contexts.serving(herald, "--herald.export.dir=" + dir.toAbsolutePath())) {
            LiveExport live = context.getBean(LiveExport.class);
            Entries entries = context.getBean(Entries.class);
            Section news = context.getBean(Sections.class).all().stream().filter(s -> s.kind() == SectionKind.NEWS)
                    .findFirst().orElseThrow(() -> new IllegalStateException("The site has no news section"));
            PrintWriter out = spec.commandLine().getOut();
            report(out, "full", live.awaitPasses(1, Duration.ofMinutes(30)));

            EntryCard newest = entries.latestPublished("en", List.of(news.id()), false, 1).get(0);
            Entry entry = entries.find(newest.id()).orElseThrow();
            entries.save(EntryDraft.from(entry).withTitle(entry.title() + " (updated)"), "bench");
            report(out, "after one title changed", live.awaitPasses(2, Duration.ofMinutes(5)));

            entries.save(new EntryDraft(null, null, "en", news.id(), "Benchmark item " + Instant.now(), "", "",
                    "<p>One more item.</p>", "", "", Instant.now().minusSeconds(1), EntryStatus.PUBLISHED, false,
                    List.of(), "", ""), "bench");
            report(out, "after one entry published", live.awaitPasses(3, Duration.ofMinutes(5)));
            return 0;
        }
    }

    private static void report(PrintWriter out, String what, StaticExport.Report report) {
        if (report == null) {
            throw new IllegalStateException("The live export did not finish its pass " + what);
        }
        out.printf("live export (%s): %.3f s, %d fetched, %d written, %d deleted, %d files%n", what,
                report.took().toNanos() / 1e9, report.written() + report.unchanged(), report.written(), report.deleted(),
                report.pages());
        out.flush();
    }
}
