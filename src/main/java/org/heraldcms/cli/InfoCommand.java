package org.heraldcms.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.heraldcms.content.Entries;
import org.heraldcms.platform.HeraldProperties;
import org.heraldcms.site.Language;
import org.heraldcms.site.Sections;
import org.heraldcms.site.Site;
import org.heraldcms.site.SiteSettings;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "info", description = "Show the data folder, the languages and how much content the site holds.")
class InfoCommand implements Callable<Integer> {

    @ParentCommand
    HeraldCommand herald;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Contexts.offline(herald)) {
            Site site = context.getBean(SiteSettings.class).current();
            PrintWriter out = spec.commandLine().getOut();
            out.println("data folder: " + context.getBean(HeraldProperties.class).dataDir().toAbsolutePath());
            out.println("time zone:   " + site.timeZone());
            for (Language l : site.languages()) {
                out.printf("language:    %s %s%s%s%n", l.tag(), l.nativeName(), l.isDefault() ? " (default)" : "",
                        l.enabled() ? "" : " (off)");
            }
            out.println("sections:    " + context.getBean(Sections.class).all().size());
            out.println("entries:     " + context.getBean(Entries.class).count());
            out.flush();
        }
        return 0;
    }
}
