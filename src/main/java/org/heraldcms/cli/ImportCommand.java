package org.heraldcms.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.heraldcms.migration.CaptureImporter;
import org.heraldcms.migration.ImportReport;
import org.heraldcms.migration.WxrImporter;
import org.heraldcms.migration.ImportFailed;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "import", description = "Import content from an old site; running it again updates, never duplicates.",
        subcommands = {ImportCommand.Capture.class, ImportCommand.Wxr.class, MetinfoCommand.class})
class ImportCommand implements Runnable {

    @ParentCommand
    HeraldCommand herald;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The importer's own message is the one line the operator needs (it names the problem and the item). */
    static int failed(CommandSpec spec, ImportFailed e) {
        spec.commandLine().getErr().println("herald: " + e.getMessage().lines().findFirst().orElse(""));
        spec.commandLine().getErr().flush();
        return 1;
    }

    static int summary(CommandSpec spec, ImportReport report) {
        PrintWriter out = spec.commandLine().getOut();
        report.warnings().forEach(w -> out.println("warning: " + w));
        out.println(report.source() + ": " + report.summary());
        out.flush();
        return 0;
    }

    @Command(name = "capture", description = "Import page captures (one text file, or a folder of them) into a section.")
    static class Capture implements Callable<Integer> {

        @ParentCommand
        ImportCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", description = "a capture file, or a folder of .txt captures")
        Path path;

        @Option(names = "--lang", required = true, description = "the site language the captures are in")
        String language;

        @Option(names = "--section", required = true, description = "the section's path in that language, e.g. news")
        String section;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Contexts.offline(parent.herald);
                 Bars bar = new Bars("capture", " files", 1)) {
                ImportReport report = context.getBean(CaptureImporter.class).importPath(path, language, section, bar);
                bar.close();
                return summary(spec, report);
            } catch (ImportFailed e) {
                return ImportCommand.failed(spec, e);
            }
        }
    }

    @Command(name = "wxr", description = "Import a WordPress export (WXR 1.0-1.2).")
    static class Wxr implements Callable<Integer> {

        @ParentCommand
        ImportCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the export file (Tools > Export in WordPress)")
        Path file;

        @Option(names = "--lang", description = "the site language to import into (default: the site's default language)")
        String language;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Contexts.offline(parent.herald);
                 Bars bar = Bars.ofBytes("wxr")) {
                ImportReport report = context.getBean(WxrImporter.class).importFile(file, language, bar);
                bar.close();
                return summary(spec, report);
            } catch (ImportFailed e) {
                return ImportCommand.failed(spec, e);
            }
        }
    }
}
