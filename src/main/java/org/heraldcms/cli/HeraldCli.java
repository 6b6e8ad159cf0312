package org.heraldcms.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import picocli.CommandLine;

/**
 * The jar's command line. With no command it serves the site; a command (see
 * {@link HeraldCommand}) runs on the same configuration and exits. Spring properties
 * ({@code --herald.data-dir=…}, {@code --spring.datasource.url=…}) go to the application
 * context in either case.
 */
public final class HeraldCli {

    /** What {@link #run} returns when the server was started and the process must keep running. */
    public static final int KEEP_SERVING = Integer.MIN_VALUE;

    private static final Pattern PROPERTY = Pattern.compile("--[A-Za-z][\\w-]*(\\.[\\w\\[\\]-]+)+=.*", Pattern.DOTALL);

    private HeraldCli() {
    }

    public static int run(Class<?> application, String[] args) {
        List<String> properties = new ArrayList<>();
        List<String> command = new ArrayList<>();
        for (String arg : args) {
            (PROPERTY.matcher(arg).matches() ? properties : command).add(arg);
        }
        if (command.isEmpty() || command.equals(List.of("serve"))) {
            SpringApplication.run(application, properties.toArray(String[]::new));
            return KEEP_SERVING;
        }
        return commandLine(application, properties).execute(command.toArray(String[]::new));
    }

    static CommandLine commandLine(Class<?> application, List<String> properties) {
        CommandLine cli = new CommandLine(new HeraldCommand(application, properties));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("herald: " + Contexts.reason(e));
            return 1;
        });
        return cli;
    }
}
