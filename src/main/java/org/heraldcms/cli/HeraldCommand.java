package org.heraldcms.cli;

import java.util.List;

import picocli.CommandLine.Command;

/** The root of Herald's commands; each runs against the data folder and database the properties name. */
@Command(name = "java -jar herald.jar", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Herald, a multilingual website CMS. With no command, serves the site.",
        footer = "%nEvery command takes the server's properties too, e.g. --herald.data-dir=/srv/herald/data "
                + "--spring.datasource.url=jdbc:postgresql://db/herald",
        subcommands = {ServeCommand.class, InfoCommand.class, UserCommand.class, picocli.CommandLine.HelpCommand.class,
                ImportCommand.class, BackupCommand.class, RestoreCommand.class, ExportStaticCommand.class,
                BenchLoadCommand.class, BenchLiveExportCommand.class, ReindexCommand.class, MemberCommand.class})
class HeraldCommand implements Runnable {

    /** The Spring Boot application class, passed in so this module need not know the root package. */
    final Class<?> application;
    final List<String> properties;

    HeraldCommand(Class<?> application, List<String> properties) {
        this.application = application;
        this.properties = List.copyOf(properties);
    }

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
