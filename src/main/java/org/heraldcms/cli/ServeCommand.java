package org.heraldcms.cli;

import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", description = "Serve the site (what the jar does with no command).")
class ServeCommand implements Runnable {

    @ParentCommand
    HeraldCommand herald;

    @Override
    public void run() {
        SpringApplication.run(herald.application, herald.properties.toArray(String[]::new));
    }
}
