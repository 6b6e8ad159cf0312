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

@Command(name = "backup", description = "Write the whole site (content, settings, media) into one archive.")
class BackupCommand implements Callable<Integer> {

    @ParentCommand
    HeraldCommand herald;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the archive to write (a .zip; it must not exist yet)")
    Path file;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Contexts.offline(herald);
             Bars bar = new Bars("backup", " tables", 1)) {
            Backups.Summary summary = context.getBean(Backups.class).backup(file, bar);
            bar.close();
            PrintWriter out = spec.commandLine().getOut();
            out.println(file + ": " + summary.describe());
            out.flush();
        } catch (ImportFailed e) {
            return ImportCommand.failed(spec, e);
        }
        return 0;
    }
}
