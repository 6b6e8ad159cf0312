package org.heraldcms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.heraldcms.identity.AuditLog;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two-factor sign-in (TOTP, RFC 6238): optional per account, required for the roles named in
 * {@code herald.security.two-factor-roles} (here: editor). The password alone opens nothing else.
 * Enrolling gives single-use recovery codes, for an account whose authenticator is lost.
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
        users.add("keeper", null, Role.EDITOR, PASSWORD.toCharArray(), Optional.empty());
        for (String name : List.of("traveller", "renewer", "leaver", "guesser", "sleeper", "prober")) {
            users.add(name, null, Role.AUTHOR, PASSWORD.toCharArray(), Optional.empty());
        }
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

    /** The current step, waiting first for the next one when less than five seconds of this one are left. */
    static long settledNow() {
        long step = now();
        while (Totp.step(Instant.now().getEpochSecond() + 5) != step) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            step = now();
        }
        return step;
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
        HttpResponse<String> enrolled = chief.post("/admin/login/code", true, "code", Totp.code(secret, now()));
        assertThat(enrolled.statusCode()).isEqualTo(303);
        assertThat(enrolled.headers().firstValue("Location")).as("to the recovery codes").hasValue("/admin/two-factor");
        assertThat(recoveryCodesOn(chief.get("/admin/two-factor").body())).hasSize(10);
        assertThat(chief.get("/admin/").statusCode()).isEqualTo(200);
        assertThat(herald.bean(TwoFactor.class).enrolled("chief")).isTrue();
        assertThat(chief.post("/admin/two-factor/off", true, "code", Totp.code(secret, now() + 1)).statusCode())
                .isEqualTo(400);
        assertThat(herald.bean(TwoFactor.class).enrolled("chief")).isTrue();
    }

    @Test
    void aRoleThatMustUseItMovesToANewDeviceWithARecoveryCode() {
        AdminClient chief = new AdminClient(herald);
        chief.login("keeper", PASSWORD);
        String secret = secretOn(chief.get("/admin/login/code").body());
        assertThat(chief.post("/admin/login/code", true, "code", Totp.code(secret, now())).statusCode()).isEqualTo(303);
        List<String> codes = recoveryCodesOn(chief.get("/admin/two-factor").body());

        AdminClient lostPhone = new AdminClient(herald);
        assertThat(signIn(lostPhone, "keeper", codes.get(0)).statusCode()).isEqualTo(303);
        assertThat(lostPhone.get("/admin/two-factor").body()).contains("Forget my device");
        assertThat(lostPhone.post("/admin/two-factor/off", true, "code", codes.get(1)).statusCode()).isEqualTo(303);
        assertThat(herald.bean(TwoFactor.class).enrolled("keeper")).isFalse();
        assertThat(herald.bean(AuditLog.class).recent(10)).extracting(e -> e.username() + " " + e.action())
                .contains("keeper two-factor-reset");

        AdminClient newPhone = new AdminClient(herald);
        assertThat(newPhone.login("keeper", PASSWORD).headers().firstValue("Location"))
                .as("the next sign-in sets up the new device").hasValue("/admin/login/code");
        String newSecret = secretOn(newPhone.get("/admin/login/code").body());
        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(newPhone.post("/admin/login/code", true, "code", Totp.code(newSecret, now() + 1)).statusCode())
                .isEqualTo(303);
        assertThat(herald.bean(TwoFactor.class).enrolled("keeper")).isTrue();
    }

    @Test
    void aSwitchedOffAccountSpendsNoRecoveryCode() {
        Enrolled enrolled = enrol(AdminClient.signedIn(herald, "sleeper", PASSWORD));
        AdminClient sleeper = new AdminClient(herald);
        assertThat(sleeper.login("sleeper", PASSWORD).headers().firstValue("Location")).hasValue("/admin/login/code");
        long id = herald.bean(Users.class).find("sleeper").orElseThrow().id();
        herald.bean(Users.class).changeRole(id, Role.AUTHOR, false, Role.ADMIN); // an admin switches it off
        // switching off ends the half-signed-in session too (302 to the sign-in page); either way the code is not spent
        assertThat(sleeper.post("/admin/login/code", true, "code", enrolled.codes().get(0)).statusCode()).isIn(302, 400);
        assertThat(herald.bean(TwoFactor.class).recoveryCodesLeft("sleeper")).isEqualTo(10);
        assertThat(sleeper.get("/admin/").statusCode()).as("not signed in").isIn(302, 403);
    }

    @Test
    void accountsWithoutItSignInWithThePasswordAlone() {
        assertThat(new AdminClient(herald).login("plain", PASSWORD).headers().firstValue("Location").orElse(""))
                .endsWith("/admin/");
        assertThat(herald.get("/admin/login/code").statusCode()).as("not for anonymous visitors").isEqualTo(302);
    }

    /** An account turns two-factor on at /admin/two-factor; what it is shown then. */
    record Enrolled(String secret, List<String> codes, HttpResponse<String> page) {
    }

    static Enrolled enrol(AdminClient client) {
        String secret = secretOn(client.get("/admin/two-factor").body());
        // the step before the current one, so that a sign-in with the current code right after is no replay;
        // never within seconds of a step's end, or the code could be two steps old when it arrives
        HttpResponse<String> on = client.post("/admin/two-factor", true, "code", Totp.code(secret, settledNow() - 1));
        assertThat(on.statusCode()).isEqualTo(303);
        assertThat(on.headers().firstValue("Location")).hasValue("/admin/two-factor");
        HttpResponse<String> page = client.get("/admin/two-factor");
        return new Enrolled(secret, recoveryCodesOn(page.body()), page);
    }

    static List<String> recoveryCodesOn(String html) {
        return Jsoup.parse(html).select("ol.recovery-codes code").eachText();
    }

    static String codesLeftOn(String html) {
        return Jsoup.parse(html).select(".codes-left").text();
    }

    /** Password, then the code page with {@code code}; the answer to the code. */
    static HttpResponse<String> signIn(AdminClient client, String username, String code) {
        assertThat(client.login(username, PASSWORD).headers().firstValue("Location")).hasValue("/admin/login/code");
        return client.post("/admin/login/code", true, "code", code);
    }

    static List<Map<String, Object>> storedCodes(String username) {
        long id = herald.bean(Users.class).find(username).orElseThrow().id();
        return herald.bean(JdbcClient.class).sql("SELECT * FROM recovery_code WHERE user_id = ?").param(id).query()
                .listOfRows();
    }

    @Test
    void enrollingShowsTenRecoveryCodesOnceAndEachSignsInOnce() {
        AdminClient traveller = AdminClient.signedIn(herald, "traveller", PASSWORD);
        Enrolled enrolled = enrol(traveller);
        assertThat(enrolled.page().headers().firstValue("Cache-Control")).hasValueSatisfying(v ->
                assertThat(v).contains("no-store"));
        assertThat(enrolled.codes()).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c).matches("[a-z2-9]{5}-[a-z2-9]{5}").doesNotContainPattern("[01ilo]"));
        assertThat(codesLeftOn(enrolled.page().body())).contains("10");
        HttpResponse<String> again = traveller.get("/admin/two-factor");
        assertThat(recoveryCodesOn(again.body())).as("shown once only").isEmpty();
        assertThat(codesLeftOn(again.body())).contains("10");

        List<Map<String, Object>> stored = storedCodes("traveller");
        assertThat(stored).hasSize(10);
        for (String code : enrolled.codes()) {
            String bare = code.replace("-", "");
            assertThat(stored.toString()).as("not stored in clear").doesNotContain(code, bare);
        }

        String code = enrolled.codes().get(0);
        AdminClient lostPhone = new AdminClient(herald);
        HttpResponse<String> signedIn = signIn(lostPhone, "traveller", code.toUpperCase(Locale.ROOT).replace("-", " "));
        assertThat(signedIn.statusCode()).as("case, spaces and hyphens do not matter").isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/admin/two-factor");
        String told = Jsoup.parse(lostPhone.get("/admin/two-factor").body()).select("main").text();
        assertThat(told).contains("You signed in with a recovery code", "9 unused recovery codes are left");
        assertThat(lostPhone.get("/admin/").statusCode()).isEqualTo(200);
        assertThat(herald.bean(AuditLog.class).recent(20)).anySatisfy(e -> {
            assertThat(e.username()).isEqualTo("traveller");
            assertThat(e.action()).isEqualTo("login");
            assertThat(e.detail()).isEqualTo("with a recovery code");
        });
        assertThat(storedCodes("traveller")).filteredOn(row -> row.get("used_at") != null).as("kept, with its use time")
                .hasSize(1);

        AdminClient replay = new AdminClient(herald);
        assertThat(signIn(replay, "traveller", code).statusCode()).as("a recovery code works once").isEqualTo(400);
        assertThat(replay.get("/admin/").statusCode()).isEqualTo(403);
    }

    @Test
    void newRecoveryCodesTakeACodeFromTheAppAndReplaceTheOldOnes() {
        AdminClient renewer = AdminClient.signedIn(herald, "renewer", PASSWORD);
        Enrolled enrolled = enrol(renewer);
        assertThat(renewer.post("/admin/two-factor/recovery-codes", true, "code", enrolled.codes().get(0)).statusCode())
                .as("a recovery code does not make new ones").isEqualTo(400);
        HttpResponse<String> renewed = renewer.post("/admin/two-factor/recovery-codes", true, "code",
                Totp.code(enrolled.secret(), now()));
        assertThat(renewed.statusCode()).isEqualTo(303);
        List<String> fresh = recoveryCodesOn(renewer.get("/admin/two-factor").body());
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(enrolled.codes());
        assertThat(recoveryCodesOn(renewer.get("/admin/two-factor").body())).isEmpty();
        assertThat(storedCodes("renewer")).hasSize(10);

        AdminClient old = new AdminClient(herald);
        assertThat(signIn(old, "renewer", enrolled.codes().get(1)).statusCode()).as("old codes stop working")
                .isEqualTo(400);
        assertThat(signIn(new AdminClient(herald), "renewer", fresh.get(0)).statusCode()).isEqualTo(303);
    }

    @Test
    void withThePhoneLostARecoveryCodeSignsInAndTurnsTwoFactorOffWhichDeletesTheCodes() {
        Enrolled enrolled = enrol(AdminClient.signedIn(herald, "leaver", PASSWORD));
        AdminClient leaver = new AdminClient(herald);
        assertThat(signIn(leaver, "leaver", enrolled.codes().get(0)).statusCode()).isEqualTo(303);
        assertThat(leaver.post("/admin/two-factor/off", true, "code", enrolled.codes().get(1)).statusCode())
                .isEqualTo(303);
        assertThat(herald.bean(TwoFactor.class).enrolled("leaver")).isFalse();
        assertThat(storedCodes("leaver")).as("deleted with two-factor").isEmpty();
        HttpResponse<String> page = leaver.get("/admin/two-factor");
        assertThat(secretOn(page.body())).as("ready to set up a new device").matches("[A-Z2-7]{32}");
        assertThat(new AdminClient(herald).login("leaver", PASSWORD).headers().firstValue("Location").orElse(""))
                .endsWith("/admin/");
    }

    @Test
    void aSignedInSessionCannotTryEveryCodeToTurnItOffOrMintCodes() {
        AdminClient prober = AdminClient.signedIn(herald, "prober", PASSWORD);
        Enrolled enrolled = enrol(prober);
        AdminClient stolen = new AdminClient(herald);
        assertThat(signIn(stolen, "prober", enrolled.codes().get(0)).statusCode()).isEqualTo(303);
        for (int i = 0; i < 5; i++) {
            assertThat(stolen.post("/admin/two-factor/recovery-codes", true, "code", String.format("%06d", i)).statusCode())
                    .isEqualTo(400);
        }
        HttpResponse<String> right = stolen.post("/admin/two-factor/off", true, "code", Totp.code(enrolled.secret(), now() + 1));
        assertThat(right.statusCode()).isEqualTo(400);
        assertThat(right.body()).contains("Too many wrong codes");
        assertThat(herald.bean(TwoFactor.class).enrolled("prober")).isTrue();
    }

    @Test
    void wrongRecoveryCodesCountInTheLoginThrottle() {
        Enrolled enrolled = enrol(AdminClient.signedIn(herald, "guesser", PASSWORD));
        AdminClient guesser = new AdminClient(herald);
        assertThat(guesser.login("guesser", PASSWORD).headers().firstValue("Location")).hasValue("/admin/login/code");
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.post("/admin/login/code", true, "code", "abcde-fghj" + (i + 2)).statusCode())
                    .isEqualTo(400);
        }
        HttpResponse<String> right = guesser.post("/admin/login/code", true, "code", enrolled.codes().get(0));
        assertThat(right.statusCode()).isEqualTo(400);
        assertThat(right.body()).contains("Too many wrong codes");
        assertThat(guesser.get("/admin/").statusCode()).isEqualTo(403);
        assertThat(herald.bean(TwoFactor.class).recoveryCodesLeft("guesser")).as("not spent by a refused try")
                .isEqualTo(10);
    }
}
