package org.heraldcms.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Application contexts for commands: the server's configuration, without the web server or demo content. */
final class Contexts {

    private Contexts() {
    }

    static ConfigurableApplicationContext offline(HeraldCommand herald) {
        return start(herald, WebApplicationType.NONE);
    }

    /** With the web server on a free loopback port, for commands that read the site as visitors do. */
    static ConfigurableApplicationContext serving(HeraldCommand herald, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1"));
        args.addAll(List.of(extra));
        return start(herald, WebApplicationType.SERVLET, args.toArray(String[]::new));
    }

    private static ConfigurableApplicationContext start(HeraldCommand herald, WebApplicationType type, String... extra) {
        List<String> args = new ArrayList<>(herald.properties);
        List<String> defaults = new ArrayList<>(List.of("--herald.demo-content=false", "--logging.level.root=WARN",
                "--logging.level.org.springframework.boot.diagnostics=OFF",
                "--logging.level.org.springframework.boot.SpringApplication=OFF"));
        defaults.addAll(List.of(extra));
        for (String d : defaults) { // the operator's own value of a property wins over the command's default
            String key = d.substring(0, d.indexOf('=') + 1);
            if (herald.properties.stream().noneMatch(p -> p.startsWith(key))) {
                args.add(d);
            }
        }
        return new SpringApplicationBuilder(herald.application)
                .web(type)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    /** One line for the operator: the innermost cause's message. */
    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return (message == null || message.isBlank() ? cause.getClass().getSimpleName() : message).lines().findFirst().orElse("");
    }
}
