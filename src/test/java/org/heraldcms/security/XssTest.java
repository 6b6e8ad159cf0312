package org.heraldcms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heraldcms.identity.AuditLog;
import org.heraldcms.support.AdminClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SECURITY.md 5 — stored and reflected XSS. Reflected: every parameter of every GET route gets markup
 * and {@code javascript:} payloads and every HTML answer must stay inert. Stored: every field of every
 * admin form gets them, and so do the request headers the audit log shows; then every admin page and
 * the public pages are read back and must stay inert.
 */
class XssTest {

    @TempDir
    static Path root;
    static AttackSite site;
    static final Coverage coverage = new Coverage("XSS (SECURITY.md 5)");

    @BeforeAll
    static void start() {
        site = AttackSite.start(root);
    }

    @AfterAll
    static void stop() {
        coverage.print();
        site.close();
    }

    static String inert(Routes.Route route, String who, String parameter, String payload, HttpResponse<String> answer) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("text/html")) {
            return HostileMarkup.problem(answer.body());
        }
        if (answer.body().contains(payload) && !type.startsWith("application/json")
                && !type.startsWith("text/plain") && !type.contains("xml")) {
            return "payload echoed as " + type;
        }
        return null;
    }

    @Test
    void reflectedPayloadsInEveryParameterOfEveryGetRouteStayInert() {
        List<Routes.Route> gets = Routes.of(Routes.all(site), "GET");
        Fuzzer fuzzer = new Fuzzer(site, coverage);
        fuzzer.gets(gets, "admin", Payloads.XSS, XssTest::inert);
        fuzzer.gets(gets, AttackSite.ANONYMOUS, Payloads.XSS.subList(0, 2), XssTest::inert);
        assertThat(fuzzer.problems).isEmpty();
    }

    @Test
    void storedPayloadsInEveryAdminFieldAndInRequestHeadersStayInertWhereverShown() {
        AdminClient spoofer = new AdminClient(site.herald).header("X-Forwarded-For", "<script>alert(1)</script>")
                .header("User-Agent", "<img src=x onerror=alert(2)>").header("Client-IP", "\"><svg onload=alert(3)>");
        spoofer.login("<svg onload=alert(4)>", "wrong password");
        List<Routes.Route> all = Routes.all(site);
        Map<String, List<String[]>> forms = Routes.forms(site, Routes.of(all, "GET"));
        Fuzzer fuzzer = new Fuzzer(site, coverage);
        fuzzer.posts(Routes.of(all, "POST"), forms, "admin", Payloads.XSS, (r, w, p, v, a) -> a.statusCode() == 200
                ? inert(r, w, p, v, a) : null);
        assertThat(fuzzer.problems).isEmpty();

        AuditLog.Event failed = site.herald.bean(AuditLog.class).recent(2000).stream()
                .filter(e -> e.action().equals("login-failed")).findFirst().orElseThrow();
        assertThat(failed.remoteAddress()).as("X-Forwarded-For is not believed").isEqualTo("127.0.0.1");
        assertThat(failed.username()).isEqualTo("<svg onload=alert(4)>");

        List<String> problems = new ArrayList<>();
        for (Routes.Route get : Routes.of(all, "GET")) {
            if (!get.admin() || get.pattern().contains("{*")) {
                continue;
            }
            for (String role : AttackSite.ROLES) {
                HttpResponse<String> page = site.clients.get(role).get(get.path(site, "", ""));
                String problem = page.statusCode() == 200 ? HostileMarkup.problem(page.body()) : null;
                if (problem != null) {
                    problems.add(role + " " + get.pattern() + ": " + problem);
                }
            }
        }
        assertThat(site.clients.get("admin").get("/admin/audit").body()).contains("&lt;svg onload=alert(4)&gt;");
        for (String path : publicPages()) {
            String problem = HostileMarkup.problem(site.herald.get(path).body());
            if (problem != null) {
                problems.add(path + ": " + problem);
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The home page of each language and what it links to (sections, entries, tags, archives, feeds). */
    static Set<String> publicPages() {
        Set<String> pages = new LinkedHashSet<>(List.of("/en/", "/ru/", "/zh/"));
        for (String home : List.of("/en/", "/ru/")) {
            for (var a : Jsoup.parse(site.herald.get(home).body()).select("a[href^=/]")) {
                if (pages.size() < 60) {
                    pages.add(a.attr("href"));
                }
            }
        }
        return pages;
    }
}
