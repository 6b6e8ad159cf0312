package org.heraldcms.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.heraldcms.search.RebuildProgress;
import org.heraldcms.search.Search;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "reindex", description = "Rebuild the search index from the database (stop the server first).")
class ReindexCommand implements Callable<Integer> {

    @ParentCommand
    HeraldCommand herald;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        long indexed;
        try (ConfigurableApplicationContext context = Contexts.offline(herald);
             Bar bar = new Bar()) {
            indexed = context.getBean(Search.class).rebuild(bar);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("indexed %d entries in %.1f s%n", indexed, Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        out.flush();
        return 0;
    }

    /** A progress bar on the error stream, so the standard output keeps only the result line. */
    private static final class Bar implements RebuildProgress, AutoCloseable {
        private ProgressBar bar;

        @Override
        public void started(long entries) {
            bar = new ProgressBarBuilder().setTaskName("Indexing").setInitialMax(entries)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }

        @Override
        public void indexed(long done) {
            bar.stepTo(done);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
