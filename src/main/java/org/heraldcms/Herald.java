package org.heraldcms;

import org.heraldcms.cli.HeraldCli;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Herald: one jar that serves the site, or runs an operator's command on the same
 * configuration (see {@link HeraldCli}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Herald {

    public static void main(String[] args) {
        int status = HeraldCli.run(Herald.class, args);
        if (status != HeraldCli.KEEP_SERVING) {
            System.exit(status);
        }
    }
}
