package org.heraldcms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.heraldcms.identity.Members;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code member group} and {@code member add}: a member of a group, the password from standard input. */
class MemberCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void addsAMemberToAGroupAndRefusesAnUnknownGroup() {
        String[] group = run("", "member", "group", "--name", "Members");
        assertThat(group[0]).as(group[2]).isEqualTo("0");
        assertThat(group[1]).contains("added member group Members");
        String[] added = run("correct horse battery\n", "member", "add", "--username", "reader", "--group", "Members");
        assertThat(added[0]).as(added[2]).isEqualTo("0");
        assertThat(added[1]).contains("added member reader (Members)");
        String[] unknown = run("correct horse battery\n", "member", "add", "--username", "other", "--group", "Nobody");
        assertThat(unknown[0]).isEqualTo("1");
        assertThat(unknown[2]).contains("There is no member group 'Nobody'");
        try (RunningHerald herald = RunningHerald.offline(dataDir)) {
            Members members = herald.bean(Members.class);
            assertThat(members.check("reader", "correct horse battery")).isPresent();
            assertThat(members.check("reader", "wrong")).isEmpty();
            assertThat(members.all()).extracting(m -> m.username()).containsExactly("reader");
        }
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
