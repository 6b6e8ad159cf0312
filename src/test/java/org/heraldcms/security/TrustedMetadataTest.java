package org.heraldcms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.heraldcms.identity.AuditLog;
import org.heraldcms.mail.Mail;
import org.heraldcms.mail.Mailer;
import org.heraldcms.identity.Users;
import org.heraldcms.support.AdminClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SECURITY.md 4 — trusting request metadata. A forged Host, X-Forwarded-Host, X-Forwarded-Proto or
 * Forwarded header never reaches a link, a redirect or an e-mail (they come from herald.base-url);
 * X-Forwarded-For is not believed from a client (no proxy configured); cookies are not parameters.
 */
class TrustedMetadataTest {

    static final String BASE = "https://news.example.org";
    static final String[] FORGED = {"Host: evil.example", "X-Forwarded-Host: evil.example",
            "X-Forwarded-Proto: http", "X-Forwarded-Port: 8443", "Forwarded: host=evil.example;proto=http",
            "X-Original-URL: /admin/users", "X-Rewrite-URL: /admin/users", "X-Host: evil.example"};

    @TempDir
    static Path root;
    static AttackSite site;
    static final Coverage coverage = new Coverage("Host and forwarded headers (SECURITY.md 4)");

    @BeforeAll
    static void start() {
        site = AttackSite.start(root, "--herald.base-url=" + BASE);
    }

    @AfterAll
    static void stop() {
        coverage.print();
        site.close();
    }

    @Test
    void aForgedHostReachesNoLinkOrRedirectOfAnyRoute() {
        List<String> problems = new ArrayList<>();
        List<String> paths = new ArrayList<>(List.of("/", "/en/", "/en/news/", "/en/feed.atom", "/sitemap.xml",
                "/robots.txt", "/en/search?q=sco", "/admin", "/admin/entries", "/index.php?lang=en", "/en/nowhere"));
        for (Routes.Route route : Routes.of(Routes.all(site), "GET")) {
            paths.add(route.path(site, "", ""));
        }
        for (String path : paths) {
            coverage.count("GET " + path, "Host/X-Forwarded-*");
            String answer = site.herald.raw(path, FORGED);
            if (answer.contains("evil.example")) {
                problems.add(path + " -> " + answer.lines().filter(l -> l.contains("evil.example")).findFirst()
                        .orElse(""));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(site.herald.raw("/en/", FORGED)).contains(BASE + "/en/");
        assertThat(site.herald.raw("/admin/login", "Host: 127.0.0.1", "X-Forwarded-Proto: https"))
                .as("no proxy is configured: a client's X-Forwarded-Proto is not believed")
                .doesNotContain("Strict-Transport-Security").doesNotContain("Secure");
    }

    @Test
    void aPasswordResetLinkComesFromTheBaseUrlWhateverTheHeadersSay() {
        Users users = site.herald.bean(Users.class);
        users.changeEmail(site.victimId, "victim@example.org");
        AdminClient attacker = new AdminClient(site.herald).header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "host=evil.example").header("X-Forwarded-Proto", "http");
        assertThat(attacker.post("/admin/forgot", true, "login", "victim").statusCode()).isEqualTo(200);
        List<Mail> sent = site.herald.bean(Mailer.class).recent();
        Mail mail = sent.get(sent.size() - 1);
        assertThat(mail.to()).isEqualTo("victim@example.org");
        assertThat(mail.text()).contains(BASE + "/admin/reset?token=").doesNotContain("evil.example", "127.0.0.1");
    }

    @Test
    void forwardedForIsNotBelievedAndCookiesAreNotParameters() {
        AdminClient spoofed = new AdminClient(site.herald).header("X-Forwarded-For", "203.0.113.9")
                .header("X-Real-IP", "203.0.113.9").header("Client-IP", "203.0.113.9");
        spoofed.login("nobody-here", "wrong password");
        AuditLog.Event failed = site.herald.bean(AuditLog.class).recent(50).stream()
                .filter(e -> e.username().equals("nobody-here")).findFirst().orElseThrow();
        assertThat(failed.remoteAddress()).isEqualTo("127.0.0.1");

        AdminClient admin = site.clients.get("admin");
        assertThat(admin.get("/admin/entries?status=bogus").statusCode()).as("a real parameter is read").isEqualTo(400);
        String withCookie = site.herald.raw("/en/search?q=sco", "Host: 127.0.0.1", "Cookie: q=zzzz; sort=bogus; page=999");
        assertThat(withCookie).startsWith("HTTP/1.1 200").doesNotContain("zzzz");
    }
}
