package org.heraldcms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code user add}: the first admin from the command line, the password from standard input. */
class UserCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void addsAnAdminWhosePasswordComesFromStandardInput() {
        String[] result = run("correct horse battery\n", "user", "add", "--username", "chief", "--role", "admin");
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).contains("added chief (admin)");
        try (RunningHerald herald = RunningHerald.offline(dataDir, "--herald.demo-content=false")) {
            assertThat(herald.bean(Users.class).find("chief")).hasValueSatisfying(u ->
                    assertThat(u.role()).isEqualTo(Role.ADMIN));
            assertThat(herald.bean(Users.class).hasAdmin()).isTrue();
        }
    }

    @Test
    void refusesAWeakPasswordAndAnUnknownRoleWithOneLine() {
        String[] weak = run("short\n", "user", "add", "--username", "chief", "--role", "admin");
        assertThat(weak[0]).isEqualTo("1");
        assertThat(weak[2].strip()).startsWith("herald: A password is at least 12").doesNotContain("\n");
        String[] role = run("correct horse battery\n", "user", "add", "--username", "chief", "--role", "root");
        assertThat(role[0]).isEqualTo("1");
        assertThat(role[2]).contains("There is no role 'root'");
    }

    private String[] run(String stdin, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cli = HeraldCli.commandLine(org.heraldcms.Herald.class, List.of("--herald.data-dir=" + dataDir));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int status = cli.execute(args);
            return new String[] {String.valueOf(status), out.toString(), err.toString()};
        } finally {
            System.setIn(before);
        }
    }
}
