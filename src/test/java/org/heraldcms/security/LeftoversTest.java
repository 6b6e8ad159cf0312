package org.heraldcms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SECURITY.md 10 — leftover installers, default credentials and unauthenticated endpoints. A new site
 * has no account at all (so no default password); the web setup exists only until the first admin;
 * installer addresses and management endpoints other than health are not there.
 */
class LeftoversTest {

    @TempDir
    Path dataDir;

    @Test
    void noDefaultAccountNoInstallerAfterSetupNoManagementEndpoints() {
        try (RunningHerald herald = RunningHerald.start(dataDir)) {
            assertThat(herald.bean(Users.class).all()).as("a new site has no account").isEmpty();
            for (String[] guess : new String[][] {{"admin", "admin"}, {"admin", "password"}, {"admin", "herald"},
                    {"admin", "123456"}, {"root", "root"}}) {
                assertThat(new AdminClient(herald).login(guess[0], guess[1]).headers().firstValue("Location").orElse(""))
                        .as(guess[0] + "/" + guess[1]).endsWith("/admin/login?error");
            }
            assertThat(herald.get("/admin/setup").statusCode()).isEqualTo(200);
            AdminClient setup = new AdminClient(herald);
            setup.get("/admin/setup");
            assertThat(setup.post("/admin/setup", true, "username", "chief", "password", "a long enough password",
                    "repeat", "a long enough password").statusCode()).isIn(302, 303);
            assertThat(herald.get("/admin/setup").statusCode()).isEqualTo(404);
            assertThat(new AdminClient(herald).post("/admin/setup", true, "username", "second", "password",
                    "a long enough password", "repeat", "a long enough password").statusCode()).isIn(403, 404);
            assertThat(herald.bean(Users.class).find("second")).isEmpty();

            for (String path : List.of("/install", "/install/index.php", "/install/install.php", "/admin/install",
                    "/setup.php", "/upgrade", "/actuator/env", "/actuator/heapdump", "/actuator/configprops",
                    "/actuator/loggers", "/actuator/beans", "/actuator/mappings", "/actuator/threaddump",
                    "/actuator/shutdown", "/h2-console", "/.env", "/.git/config", "/WEB-INF/web.xml",
                    "/config/config_db.php", "/data/herald.db", "/herald.db")) {
                assertThat(herald.get(path).statusCode()).as(path).isIn(302, 403, 404);
            }
            assertThat(herald.get("/actuator/health").statusCode()).isEqualTo(200);
            for (String path : List.of("/actuator/metrics", "/actuator/metrics/cache.gets", "/actuator/metrics/hikaricp.connections.usage")) {
                assertThat(herald.get(path).statusCode()).as(path + " anonymously").isEqualTo(302);
                assertThat(herald.get(path).body()).as(path).doesNotContain("measurements");
            }
            herald.bean(Users.class).add("ed", "Ed", Role.EDITOR, "a long enough password".toCharArray(), Optional.empty());
            assertThat(AdminClient.signedIn(herald, "ed", "a long enough password").get("/actuator/metrics").statusCode())
                    .as("an editor").isEqualTo(403);
            assertThat(AdminClient.signedIn(herald, "chief", "a long enough password").get("/actuator/metrics/cache.gets")
                    .body()).as("an admin").contains("measurements");
        }
    }
}
