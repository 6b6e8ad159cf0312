package org.heraldcms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code user add}: the first admin from the command line, the password from standard input. */
class UserCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void addsAnAdminWhosePasswordComesFromStandardInput() {
        CliRun result = run("correct horse battery\n", "user", "add", "--username", "chief", "--role", "admin");
        assertThat(result.status()).isEqualTo(0);
        assertThat(result.out()).contains("added chief (admin)");
        try (RunningHerald herald = RunningHerald.offline(dataDir, "--herald.demo-content=false")) {
            assertThat(herald.bean(Users.class).find("chief")).hasValueSatisfying(u ->
                    assertThat(u.role()).isEqualTo(Role.ADMIN));
            assertThat(herald.bean(Users.class).hasAdmin()).isTrue();
        }
    }

    @Test
    void refusesAWeakPasswordAndAnUnknownRoleWithOneLine() {
        CliRun weak = run("short\n", "user", "add", "--username", "chief", "--role", "admin");
        assertThat(weak.status()).isEqualTo(1);
        assertThat(weak.err().strip()).startsWith("herald: A password is at least 12").doesNotContain("\n");
        CliRun role = run("correct horse battery\n", "user", "add", "--username", "chief", "--role", "root");
        assertThat(role.status()).isEqualTo(1);
        assertThat(role.err()).contains("There is no role 'root'");
    }

    private CliRun run(String stdin, String... args) {
        return CliRun.withInput(stdin, List.of("--herald.data-dir=" + dataDir), args);
    }
}
