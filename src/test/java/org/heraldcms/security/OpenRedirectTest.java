package org.heraldcms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SECURITY.md 5 — open redirects through return URLs. Every GET route gets off-site addresses in the
 * usual return-URL parameters (and in its own parameters), as admin and anonymously; so do the login,
 * the language choice and the legacy MetInfo addresses. Every redirect must stay on the site.
 */
class OpenRedirectTest {

    static final List<String> RETURN_PARAMETERS = List.of("continue", "redirect", "next", "returnUrl", "url", "lang");

    @TempDir
    static Path root;
    static AttackSite site;
    static final Coverage coverage = new Coverage("Open redirects (SECURITY.md 5)");

    @BeforeAll
    static void start() {
        site = AttackSite.start(root, "--herald.base-url=https://news.example.org");
    }

    @AfterAll
    static void stop() {
        coverage.print();
        site.close();
    }

    /** A Location that stays on the site: a path (not {@code //host} or {@code /\host}) or the configured base URL. */
    static String offSite(HttpResponse<String> answer) {
        String location = answer.headers().firstValue("Location").orElse(null);
        if (location == null) {
            return null;
        }
        String l = location.strip();
        if (l.startsWith("/") && !l.startsWith("//") && !l.startsWith("/\\") && !l.contains("evil.example")) {
            return null;
        }
        if (l.startsWith("https://news.example.org/") || l.startsWith(site.herald.uri("/").toString())) {
            return null;
        }
        return "redirects to " + location;
    }

    @Test
    void noRouteRedirectsOffTheSite() {
        List<String> problems = new ArrayList<>();
        for (Routes.Route route : Routes.of(Routes.all(site), "GET")) {
            List<String> parameters = new ArrayList<>(RETURN_PARAMETERS);
            parameters.addAll(route.parameters());
            for (String who : List.of("admin", AttackSite.ANONYMOUS)) {
                for (String parameter : parameters) {
                    for (String target : Payloads.OFFSITE.subList(0, 4)) {
                        String path = route.path(site, "", "") + "?" + parameter + "=" + Fuzzer.query(target);
                        HttpResponse<String> answer = site.clients.get(who).getRaw(URI.create(site.herald.uri("")
                                + path));
                        coverage.count("GET " + route.pattern(), parameter);
                        String problem = offSite(answer);
                        if (problem != null) {
                            problems.add(who + " " + path + " " + problem);
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void signingInGoesToTheAdminWhateverTheReturnAddress() {
        for (String parameter : List.of("continue", "redirect", "next", "returnUrl")) {
            for (String target : Payloads.OFFSITE) {
                var client = new org.heraldcms.support.AdminClient(site.herald);
                client.get("/admin/entries?" + parameter + "=" + Fuzzer.query(target)); // saved request, if any
                HttpResponse<String> login = client.post("/admin/login?" + parameter + "=" + Fuzzer.query(target),
                        true, "username", "editor1", "password", AttackSite.PASSWORD, parameter, target);
                assertThat(offSite(login)).as(parameter + "=" + target).isNull();
                assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/admin/");
            }
        }
    }

    @Test
    void legacyAddressesAndTheLanguageChoiceStayOnTheSite() {
        List<String> problems = new ArrayList<>();
        for (String legacy : List.of("/", "/index.php", "/news/", "/news/shownews.php", "/about/show.php",
                "/search/search.php", "/en/", "/index.html")) {
            for (String parameter : List.of("lang", "id", "url", "page_id", "p", "class1", "redirect", "continue")) {
                for (String target : Payloads.OFFSITE) {
                    String path = legacy + "?" + parameter + "=" + Fuzzer.query(target);
                    coverage.count("GET " + legacy + " (legacy)", parameter);
                    String problem = offSite(site.herald.get(path, "Accept-Language", "ru"));
                    if (problem != null) {
                        problems.add(path + " " + problem);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
