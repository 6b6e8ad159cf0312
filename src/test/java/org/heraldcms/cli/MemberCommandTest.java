package org.heraldcms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.heraldcms.identity.Members;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code member group} and {@code member add}: a member of a group, the password from standard input. */
class MemberCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void addsAMemberToAGroupAndRefusesAnUnknownGroup() {
        CliRun group = run("", "member", "group", "--name", "Members");
        assertThat(group.status()).as(group.err()).isEqualTo(0);
        assertThat(group.out()).contains("added member group Members");
        CliRun added = run("correct horse battery\n", "member", "add", "--username", "reader", "--group", "Members");
        assertThat(added.status()).as(added.err()).isEqualTo(0);
        assertThat(added.out()).contains("added member reader (Members)");
        CliRun unknown = run("correct horse battery\n", "member", "add", "--username", "other", "--group", "Nobody");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("There is no member group 'Nobody'");
        try (RunningHerald herald = RunningHerald.offline(dataDir)) {
            Members members = herald.bean(Members.class);
            assertThat(members.check("reader", "correct horse battery")).isPresent();
            assertThat(members.check("reader", "wrong")).isEmpty();
            assertThat(members.all()).extracting(m -> m.username()).containsExactly("reader");
        }
    }

    private CliRun run(String stdin, String... args) {
        return CliRun.withInput(stdin, List.of("--herald.data-dir=" + dataDir), args);
    }
}
