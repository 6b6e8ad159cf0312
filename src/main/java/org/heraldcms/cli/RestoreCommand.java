package org.heraldcms.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.heraldcms.migration.Backups;
import org.heraldcms.migration.ImportFailed;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "restore", description = "Restore a backup archive into an empty data folder or database.")
class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    HeraldCommand herald;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "an archive written by 'backup'")
    Path file;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Contexts.offline(herald);
             Bars bar = Bars.ofBytes("restore")) {
            Backups.Summary summary = context.getBean(Backups.class).restore(file, bar);
            bar.close();
            PrintWriter out = spec.commandLine().getOut();
            out.println("restored " + file + ": " + summary.describe());
            out.flush();
        } catch (ImportFailed e) {
            return ImportCommand.failed(spec, e);
        }
        return 0;
    }
}
