package org.heraldcms.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import picocli.CommandLine;

/** One run of Herald's command line in this JVM, as an operator types it: exit status, standard output, standard error. */
record CliRun(int status, String out, String err) {

    static CliRun of(List<String> properties, String... args) {
        return withInput("", properties, args);
    }

    /** The run with {@code stdin} as standard input (a password typed or piped in). */
    static CliRun withInput(String stdin, List<String> properties, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cli = HeraldCli.commandLine(org.heraldcms.Herald.class, properties);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int status = cli.execute(args);
            return new CliRun(status, out.toString(), err.toString());
        } finally {
            System.setIn(before);
        }
    }
}
