package org.heraldcms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heraldcms.identity.AuditLog;
import org.heraldcms.identity.Role;
import org.heraldcms.identity.User;
import org.heraldcms.identity.Users;
import org.heraldcms.identity.internal.ResetTokenRepository;
import org.heraldcms.mail.Mail;
import org.heraldcms.mail.Mailer;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SECURITY.md 8 — "Forgot password": random, single-use, expiring links from the base URL; no account oracle. */
class PasswordResetTest {

    static final String BASE = "https://cms.example.org";
    static final String PASSWORD = "correct horse battery";
    static final String NEW_PASSWORD = "a brand new passphrase";
    static final Pattern LINK = Pattern.compile(Pattern.quote(BASE) + "/admin/reset\\?token=([A-Za-z0-9_-]+)");

    @TempDir
    static Path dataDir;
    static RunningHerald herald;
    static Users users;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir, "--herald.base-url=" + BASE);
        users = herald.bean(Users.class);
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    static User account(String name, String email) {
        User user = users.add(name, null, Role.EDITOR, PASSWORD.toCharArray(), Optional.empty());
        if (email != null) {
            users.changeEmail(user.id(), email);
        }
        return user;
    }

    static HttpResponse<String> ask(String login) {
        return new AdminClient(herald).post("/admin/forgot", true, "login", login);
    }

    static List<Mail> mailTo(String address) {
        return herald.bean(Mailer.class).recent().stream().filter(m -> m.to().equals(address)).toList();
    }

    static String token(Mail mail) {
        Matcher m = LINK.matcher(mail.text());
        assertThat(m.find()).as(mail.text()).isTrue();
        return m.group(1);
    }

    @Test
    void theLinkSetsANewPasswordOnceAndEndsTheAccountsSessions() throws Exception {
        User forgetful = account("forgetful", "forgetful@example.org");
        AdminClient oldSession = AdminClient.signedIn(herald, "forgetful", PASSWORD);
        assertThat(herald.get("/admin/login").body()).contains("href=\"/admin/forgot\"");
        assertThat(ask("Forgetful@Example.org").statusCode()).isEqualTo(200);
        String token = token(mailTo("forgetful@example.org").get(0));
        assertThat(token).hasSize(43);

        String stored = herald.bean(JdbcClient.class).sql("SELECT token_hash FROM password_reset WHERE user_id = ?")
                .param(forgetful.id()).query(String.class).single();
        assertThat(stored).isNotEqualTo(token).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII))));

        AdminClient visitor = new AdminClient(herald);
        assertThat(visitor.get("/admin/reset?token=" + token).body()).contains("name=\"token\"");
        HttpResponse<String> reset = visitor.post("/admin/reset", true, "token", token, "password", NEW_PASSWORD,
                "repeat", NEW_PASSWORD);
        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(reset.headers().firstValue("Location")).hasValue("/admin/login?reset");

        assertThat(oldSession.get("/admin/").statusCode()).as("the old session has ended").isEqualTo(302);
        AdminClient.signedIn(herald, "forgetful", NEW_PASSWORD);
        assertThat(new AdminClient(herald).login("forgetful", PASSWORD).headers().firstValue("Location").orElse(""))
                .endsWith("error");
        HttpResponse<String> again = new AdminClient(herald).post("/admin/reset", true, "token", token, "password",
                "yet another passphrase", "repeat", "yet another passphrase");
        assertThat(again.statusCode()).as("a link works once").isEqualTo(400);
        assertThat(herald.get("/admin/reset?token=" + token).statusCode()).isEqualTo(400);
        assertThat(herald.bean(AuditLog.class).recent(20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("password-reset");
            assertThat(e.username()).isEqualTo("forgetful");
        });
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAccountExists() {
        account("mailless", null);
        account("mailed", "mailed@example.org");
        String[] answers = new String[3];
        String[] logins = {"nobody-at-all", "mailless", "mailed"};
        for (int i = 0; i < logins.length; i++) {
            HttpResponse<String> answer = ask(logins[i]);
            assertThat(answer.statusCode()).isEqualTo(200);
            answers[i] = answer.body().replaceAll("value=\"[^\"]*\"", "");
        }
        assertThat(answers[0]).isEqualTo(answers[1]).isEqualTo(answers[2]);
        assertThat(mailTo("mailed@example.org")).hasSize(1);
    }

    @Test
    void expiredLinksAreRefusedAndANewPasswordEndsTheOtherLinks() {
        User user = account("late", "late@example.org");
        ask("late");
        ask("late");
        List<Mail> mails = mailTo("late@example.org");
        assertThat(mails).hasSize(2);
        String first = token(mails.get(0));
        String second = token(mails.get(1));

        String expired = "e".repeat(43);
        herald.bean(ResetTokenRepository.class).insert(sha256(expired), user.id(),
                Instant.now().minusSeconds(3600), Instant.now().minusSeconds(1800));
        assertThat(herald.get("/admin/reset?token=" + expired).statusCode()).isEqualTo(400);
        assertThat(new AdminClient(herald).post("/admin/reset", true, "token", expired, "password", NEW_PASSWORD,
                "repeat", NEW_PASSWORD).statusCode()).isEqualTo(400);
        AdminClient.signedIn(herald, "late", PASSWORD);

        assertThat(new AdminClient(herald).post("/admin/reset", true, "token", second, "password", NEW_PASSWORD,
                "repeat", NEW_PASSWORD).statusCode()).isEqualTo(303);
        assertThat(herald.get("/admin/reset?token=" + first).statusCode()).as("the other link died").isEqualTo(400);
    }

    @Test
    void askingIsLimitedPerAccount() {
        account("popular", "popular@example.org");
        for (int i = 0; i < 6; i++) {
            assertThat(ask("popular").statusCode()).isEqualTo(200);
        }
        assertThat(mailTo("popular@example.org")).hasSize(3);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
