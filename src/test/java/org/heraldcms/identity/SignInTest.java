package org.heraldcms.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;

import org.heraldcms.support.AdminClient;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setting up a new site, signing in and out, guessing limits, and sessions ending on a password change. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dataDir;
    static RunningHerald herald;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir, "--herald.demo-content=false");
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    @Test
    @Order(1)
    void aNewSiteIsSetUpOnceThroughTheSetupPageWhichThenDisappears() {
        AdminClient browser = new AdminClient(herald);
        assertThat(browser.get("/admin/login").body()).contains("/admin/setup");
        assertThat(browser.get("/admin/setup").statusCode()).isEqualTo(200);
        HttpResponse<String> weak = browser.post("/admin/setup", true, "username", "chief", "password", "short",
                "repeat", "short");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("at least 12 characters");
        HttpResponse<String> made = browser.post("/admin/setup", true, "username", "chief", "password", PASSWORD,
                "repeat", PASSWORD);
        assertThat(made.statusCode()).isEqualTo(303);
        assertThat(herald.bean(Users.class).find("chief")).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.ADMIN));
        assertThat(browser.get("/admin/setup").statusCode()).isEqualTo(404);
        assertThat(new AdminClient(herald).post("/admin/setup", true, "username", "second", "password", PASSWORD,
                "repeat", PASSWORD).statusCode()).isEqualTo(404);
        assertThat(herald.bean(Users.class).find("second")).isEmpty();
        assertThat(browser.get("/admin/login").body()).doesNotContain("/admin/setup");
    }

    @Test
    void wrongPasswordsAreLimitedPerAccountEvenWhenTheRightOneFollows() {
        herald.bean(Users.class).add("guessed", null, Role.AUTHOR, PASSWORD.toCharArray(), Optional.empty());
        AdminClient attacker = new AdminClient(herald);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> answer = attacker.login("guessed", "wrong password " + i);
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login?error"));
        }
        assertThat(attacker.login("guessed", PASSWORD).statusCode()).isEqualTo(429);
        assertThat(new AdminClient(herald).login("Guessed ", PASSWORD).statusCode()).isEqualTo(429);
    }

    @Test
    void signingOutEndsTheSession() {
        herald.bean(Users.class).add("leaver", null, Role.EDITOR, PASSWORD.toCharArray(), Optional.empty());
        AdminClient browser = AdminClient.signedIn(herald, "leaver", PASSWORD);
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(200);
        assertThat(browser.post("/admin/logout", true).statusCode()).isEqualTo(302);
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(302);
    }

    @Test
    void changingThePasswordEndsEverySessionOfTheAccount() {
        herald.bean(Users.class).add("changer", null, Role.AUTHOR, PASSWORD.toCharArray(), Optional.empty());
        AdminClient laptop = AdminClient.signedIn(herald, "changer", PASSWORD);
        AdminClient phone = AdminClient.signedIn(herald, "changer", PASSWORD);
        String next = "a new and longer passphrase";
        HttpResponse<String> changed = laptop.post("/admin/password", true, "current", PASSWORD, "password", next,
                "repeat", next);
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(laptop.get("/admin/").statusCode()).isEqualTo(302);
        assertThat(phone.get("/admin/").statusCode()).isEqualTo(302);
        assertThat(new AdminClient(herald).login("changer", PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("?error"));
        assertThat(AdminClient.signedIn(herald, "changer", next).get("/admin/").statusCode()).isEqualTo(200);
    }

    @Test
    void switchingAnAccountOffEndsItsSessionsAndStopsItsLogin() {
        User demoted = herald.bean(Users.class).add("demoted", null, Role.EDITOR, PASSWORD.toCharArray(), Optional.empty());
        herald.bean(Users.class).add("boss", null, Role.ADMIN, PASSWORD.toCharArray(), Optional.empty());
        AdminClient victim = AdminClient.signedIn(herald, "demoted", PASSWORD);
        AdminClient boss = AdminClient.signedIn(herald, "boss", PASSWORD);
        assertThat(boss.post("/admin/users/" + demoted.id(), true, "role", "author").statusCode()).isEqualTo(303);
        assertThat(victim.get("/admin/").statusCode()).isEqualTo(302);
        assertThat(new AdminClient(herald).login("demoted", PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("?error"));
        assertThat(herald.bean(Users.class).find("demoted")).hasValueSatisfying(u -> {
            assertThat(u.role()).isEqualTo(Role.AUTHOR);
            assertThat(u.enabled()).isFalse();
        });
    }

    @Test
    void theAuditLogShowsTheAddressEscaped() {
        herald.bean(AuditLog.class).record("<b>x</b>", "test", "<script>alert(1)</script>", "<img src=x onerror=1>");
        herald.bean(Users.class).add("auditor", null, Role.ADMIN, PASSWORD.toCharArray(), Optional.empty());
        String page = AdminClient.signedIn(herald, "auditor", PASSWORD).get("/admin/audit").body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=1&gt;")
                .doesNotContain("<script>alert", "<img src=x");
    }
}
