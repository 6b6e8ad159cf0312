package org.heraldcms.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.heraldcms.publishing.StaticExport;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "export-static", description = {
        "Write the whole public site into DIR as static files for nginx or a CDN.",
        "Incremental: only changed files are written; files of removed pages are deleted."})
class ExportStaticCommand implements Callable<Integer> {

    @ParentCommand
    HeraldCommand herald;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the folder to write (created if missing)")
    Path dir;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Contexts.serving(herald, "--herald.cache.enabled=false")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            StaticExport.Report report = context.getBean(StaticExport.class)
                    .export(dir, URI.create("http://127.0.0.1:" + port));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("exported %d files to %s in %.1f s: %d written, %d unchanged, %d deleted%n", report.pages(),
                    dir.toAbsolutePath(), report.took().toMillis() / 1000.0, report.written(), report.unchanged(),
                    report.deleted());
            report.broken().forEach(b -> out.println("broken link: " + b));
            out.flush();
            return report.broken().isEmpty() ? 0 : 1;
        }
    }
}
