package org.heraldcms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SECURITY.md 7 — CSRF and state-changing GETs. Every state-changing route (every POST, PUT, PATCH
 * and DELETE mapping, read from Spring MVC, so new routes are covered) refuses a request without its
 * token or with a wrong one, from every role and anonymously, with the fields its own form would send;
 * and nothing changes. A GET to those addresses changes nothing either.
 */
class CsrfTest {

    @TempDir
    static Path root;
    static AttackSite site;
    static final Coverage coverage = new Coverage("CSRF (SECURITY.md 7)");

    @BeforeAll
    static void start() {
        site = AttackSite.start(root);
    }

    @AfterAll
    static void stop() {
        coverage.print();
        site.close();
    }

    @Test
    void everyStateChangingRouteRefusesRequestsWithoutTheToken() {
        List<Routes.Route> all = Routes.all(site);
        Map<String, List<String[]>> forms = Routes.forms(site, Routes.of(all, "GET"));
        List<Routes.Route> changing = all.stream().filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD")
                && !r.method().equals("OPTIONS")).toList();
        assertThat(changing).hasSizeGreaterThan(15);
        Map<String, Long> before = site.tableCounts();
        List<String> problems = new ArrayList<>();
        for (Routes.Route route : changing) {
            var form = Routes.formFor(site, route, forms);
            for (String who : site.clients.keySet()) {
                for (String token : new String[] {null, "forged-token", ""}) {
                    HttpResponse<String> answer = site.clients.get(who).postWithToken(form.getKey(), token,
                            form.getValue());
                    coverage.count(route.method() + " " + route.pattern(), who + (token == null ? " no token"
                            : " bad token"));
                    if (answer.statusCode() != 403 && !(who.equals(AttackSite.ANONYMOUS) && answer.statusCode() == 302)) {
                        problems.add(who + " " + route.pattern() + " token=" + token + " -> " + answer.statusCode());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(site.tableCounts()).isEqualTo(before);
        assertThat(site.clients.get("admin").get("/admin/").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void aGetToAStateChangingAddressChangesNothing() {
        List<Routes.Route> all = Routes.all(site);
        Map<String, List<String[]>> forms = Routes.forms(site, Routes.of(all, "GET"));
        Map<String, Long> before = site.tableCounts();
        before.remove("page_view_day");
        List<String> problems = new ArrayList<>();
        for (Routes.Route route : all.stream().filter(r -> r.method().equals("POST")).toList()) {
            var form = Routes.formFor(site, route, forms);
            StringBuilder query = new StringBuilder();
            for (String[] field : form.getValue()) {
                query.append(query.isEmpty() ? "?" : "&").append(Fuzzer.query(field[0])).append('=')
                        .append(Fuzzer.query(field[1]));
            }
            for (String who : site.clients.keySet()) {
                HttpResponse<String> answer = site.clients.get(who).get(form.getKey() + query);
                coverage.count("GET " + route.pattern(), who);
                if (answer.statusCode() >= 500) {
                    problems.add(who + " GET " + form.getKey() + " -> " + answer.statusCode());
                }
            }
        }
        Map<String, Long> after = site.tableCounts();
        after.remove("page_view_day");
        assertThat(problems).isEmpty();
        assertThat(after).isEqualTo(before);
    }
}
