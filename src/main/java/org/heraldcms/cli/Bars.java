package org.heraldcms.cli;

import java.io.PrintStream;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.heraldcms.migration.ImportProgress;

/** A progress bar on standard error for a long command. */
final class Bars implements ImportProgress, AutoCloseable {

    private final ProgressBar bar;
    private boolean closed;

    Bars(String task, String unit, long unitSize) {
        this.bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(unit, unitSize)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                .build();
    }

    static Bars ofBytes(String task) {
        return new Bars(task, " MB", 1024 * 1024);
    }

    @Override
    public void max(long max) {
        bar.maxHint(max);
    }

    @Override
    public void at(long done) {
        bar.stepTo(done);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            bar.close();
        }
    }
}
