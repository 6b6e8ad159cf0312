package org.heraldcms.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.heraldcms.migration.ImportReport;
import org.heraldcms.migration.MetinfoImporter;
import org.heraldcms.migration.ImportFailed;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "metinfo", description = "Import a MetInfo 7 site straight from its MySQL/MariaDB database.")
class MetinfoCommand implements Callable<Integer> {

    @ParentCommand
    ImportCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--jdbc-url", required = true, description = "e.g. jdbc:mariadb://127.0.0.1:3306/metinfo")
    String jdbcUrl;

    @Option(names = "--user", required = true, description = "a database user that can read MetInfo's tables")
    String user;

    @Option(names = "--password", arity = "0..1", interactive = true,
            description = "the user's password (given alone: asked for; absent: $HERALD_METINFO_PASSWORD, else none)")
    String password;

    @Option(names = "--upload-dir", description = "MetInfo's upload/ folder, to copy downloads' files")
    Path uploadDir;

    @Option(names = "--table-prefix", defaultValue = "met_", description = "MetInfo's table prefix (default: ${DEFAULT-VALUE})")
    String tablePrefix;

    @Override
    public Integer call() {
        String secret = password != null ? password : System.getenv().getOrDefault("HERALD_METINFO_PASSWORD", "");
        try (ConfigurableApplicationContext context = Contexts.offline(parent.herald);
             Bars bar = new Bars("metinfo", " rows", 1)) {
            ImportReport report = context.getBean(MetinfoImporter.class).importDatabase(
                    new MetinfoImporter.Options(jdbcUrl, user, secret, uploadDir, tablePrefix), bar);
            bar.close();
            return ImportCommand.summary(spec, report);
        } catch (ImportFailed e) {
            return ImportCommand.failed(spec, e);
        }
    }
}
