package org.heraldcms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.heraldcms.identity.Role;
import org.heraldcms.identity.TwoFactor;
import org.heraldcms.identity.Users;
import org.heraldcms.identity.internal.Totp;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.RunningHerald;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-factor sign-in (TOTP, RFC 6238): optional per account, required for the roles named in
 * {@code herald.security.two-factor-roles} (here: editor). The password alone opens nothing else.
 */
class TwoFactorTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dataDir;
    static RunningHerald herald;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir, "--herald.security.two-factor-roles=editor");
        Users users = herald.bean(Users.class);
        users.add("writer", null, Role.AUTHOR, PASSWORD.toCharArray(), Optional.empty());
        users.add("chief", null, Role.EDITOR, PASSWORD.toCharArray(), Optional.empty());
        users.add("plain", null, Role.TRANSLATOR, PASSWORD.toCharArray(), Optional.empty());
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    @Test
    void theRfc6238TestVectors() {
        byte[] sha1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        byte[] sha256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
        byte[] sha512 = "1234567890123456789012345678901234567890123456789012345678901234"
                .getBytes(StandardCharsets.US_ASCII);
        long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
        String[] expected1 = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        String[] expected256 = {"46119246", "68084774", "67062674", "91819424", "90698825", "77737706"};
        String[] expected512 = {"90693936", "25091201", "99943326", "93441116", "38618901", "47863826"};
        for (int i = 0; i < times.length; i++) {
            long step = Totp.step(times[i]);
            assertThat(Totp.code(sha1, step, 8, "HmacSHA1")).isEqualTo(expected1[i]);
            assertThat(Totp.code(sha256, step, 8, "HmacSHA256")).isEqualTo(expected256[i]);
            assertThat(Totp.code(sha512, step, 8, "HmacSHA512")).isEqualTo(expected512[i]);
        }
        assertThat(Totp.fromBase32(Totp.base32(sha1))).isEqualTo(sha1);
        assertThat(Totp.base32("foobar".getBytes())).isEqualTo("MZXW6YTBOI");
    }

    static String secretOn(String html) {
        return Jsoup.parse(html).select("code.secret").text();
    }

    static long now() {
        return Totp.step(Instant.now().getEpochSecond());
    }

    @Test
    void anAuthorTurnsItOnAndThenSignsInWithACodeThatWorksOnce() {
        AdminClient writer = AdminClient.signedIn(herald, "writer", PASSWORD);
        HttpResponse<String> page = writer.get("/admin/two-factor");
        String secret = secretOn(page.body());
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(page.body()).contains("otpauth://totp/Herald%3Awriter?secret=" + secret);
        assertThat(writer.post("/admin/two-factor", true, "code", "000000").statusCode()).isIn(400);
        long enrolled = now();
        assertThat(writer.post("/admin/two-factor", true, "code", Totp.code(secret, enrolled)).statusCode()).isEqualTo(303);
        assertThat(herald.bean(TwoFactor.class).enrolled("writer")).isTrue();

        AdminClient next = new AdminClient(herald);
        HttpResponse<String> password = next.login("writer", PASSWORD);
        assertThat(password.headers().firstValue("Location")).hasValue("/admin/login/code");
        assertThat(next.get("/admin/").statusCode()).as("the password alone opens nothing").isEqualTo(403);
        assertThat(next.get("/admin/entries").statusCode()).isEqualTo(403);
        assertThat(next.post("/admin/login/code", true, "code", "123456").statusCode()).isEqualTo(400);
        String code = Totp.code(secret, enrolled + 1);
        HttpResponse<String> signedIn = next.post("/admin/login/code", true, "code", code);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(next.get("/admin/").statusCode()).isEqualTo(200);

        AdminClient replay = new AdminClient(herald);
        replay.login("writer", PASSWORD);
        assertThat(replay.post("/admin/login/code", true, "code", code).statusCode()).as("a code works once")
                .isEqualTo(400);
        assertThat(replay.get("/admin/").statusCode()).isEqualTo(403);
    }

    @Test
    void aRoleThatMustUseItSetsItUpAtSignInAndCannotTurnItOff() {
        AdminClient chief = new AdminClient(herald);
        assertThat(chief.login("chief", PASSWORD).headers().firstValue("Location")).hasValue("/admin/login/code");
        HttpResponse<String> page = chief.get("/admin/login/code");
        String secret = secretOn(page.body());
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Jsoup.parse(page.body()).select("header.bar")).as("no admin menu before the code").isEmpty();
        assertThat(chief.post("/admin/login/code", true, "code", Totp.code(secret, now())).statusCode()).isEqualTo(303);
        assertThat(chief.get("/admin/").statusCode()).isEqualTo(200);
        assertThat(herald.bean(TwoFactor.class).enrolled("chief")).isTrue();
        assertThat(chief.post("/admin/two-factor/off", true, "code", Totp.code(secret, now() + 1)).statusCode())
                .isEqualTo(400);
        assertThat(herald.bean(TwoFactor.class).enrolled("chief")).isTrue();
    }

    @Test
    void accountsWithoutItSignInWithThePasswordAlone() {
        assertThat(new AdminClient(herald).login("plain", PASSWORD).headers().firstValue("Location").orElse(""))
                .endsWith("/admin/");
        assertThat(herald.get("/admin/login/code").statusCode()).as("not for anonymous visitors").isEqualTo(302);
    }
}
