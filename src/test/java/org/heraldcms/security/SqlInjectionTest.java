package org.heraldcms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SECURITY.md 1 — SQL injection through ids, sort fields, filters, search, languages, paging: every
 * parameter of every route (as enumerated from Spring MVC) gets injection strings, anonymously and as
 * each role. An id that is not a number is a 400 or 404; nothing errors, leaks, or touches the canary.
 */
class SqlInjectionTest {

    @TempDir
    static Path root;
    static AttackSite site;
    static final Coverage coverage = new Coverage("SQL injection (SECURITY.md 1)");

    @BeforeAll
    static void start() {
        site = AttackSite.start(root);
    }

    @AfterAll
    static void stop() {
        coverage.print();
        site.close();
    }

    static String idsAreNumbers(Routes.Route route, String who, String parameter, String payload,
                                java.net.http.HttpResponse<String> answer) {
        boolean idVariable = parameter.equals("{id}") || parameter.equals("{number}");
        if (idVariable && !Fuzzer.numeric(payload) && answer.statusCode() == 200) {
            return "a non-numeric id was accepted";
        }
        if (route.admin() && who.equals(AttackSite.ANONYMOUS) && !route.pattern().equals("/admin/login")
                && !route.pattern().equals("/admin/forgot") && !route.pattern().equals("/admin/reset")
                && !route.pattern().startsWith("/admin/setup") && answer.statusCode() == 200) {
            return "an anonymous visitor got an admin page";
        }
        return null;
    }

    @Test
    void everyParameterOfEveryGetRouteAsEveryRoleAndAnonymously() {
        List<Routes.Route> gets = Routes.of(Routes.all(site), "GET");
        assertThat(gets).extracting(Routes.Route::pattern).contains("/media/{name}", "/admin/entries",
                "/admin/entries/{id}");
        Map<String, Long> before = site.tableCounts();
        Fuzzer fuzzer = new Fuzzer(site, coverage);
        fuzzer.gets(gets, "admin", Payloads.SQL, SqlInjectionTest::idsAreNumbers);
        for (String who : List.of("editor", "author", "translator")) {
            fuzzer.gets(gets, who, Payloads.SQL_SHORT.subList(0, 1), SqlInjectionTest::idsAreNumbers);
        }
        fuzzer.gets(gets, AttackSite.ANONYMOUS, Payloads.SQL_SHORT, SqlInjectionTest::idsAreNumbers);
        assertThat(fuzzer.problems).isEmpty();
        Map<String, Long> after = site.tableCounts();
        after.remove("page_view_day"); // reading an entry counts a view: the one write a GET makes
        before.remove("page_view_day");
        assertThat(after).as("no GET changes any table").isEqualTo(before);
        assertThat(site.canaryRows()).isEqualTo(AttackSite.CANARY_ROWS);
    }

    @Test
    void everyFieldOfEveryAdminFormAndEveryPostPathVariableAsAdmin() {
        List<Routes.Route> all = Routes.all(site);
        Map<String, List<String[]>> forms = Routes.forms(site, Routes.of(all, "GET"));
        assertThat(forms).containsKeys("/admin/entries/new", "/admin/users", "/admin/settings/zone");
        long users = site.tableCounts().get("app_user");
        Fuzzer fuzzer = new Fuzzer(site, coverage);
        fuzzer.posts(Routes.of(all, "POST"), forms, "admin", Payloads.SQL, SqlInjectionTest::idsAreNumbers);
        assertThat(fuzzer.problems).isEmpty();
        assertThat(site.canaryRows()).isEqualTo(AttackSite.CANARY_ROWS);
        assertThat(site.tableCounts().get("app_user")).as("no account made by injection").isEqualTo(users);
        assertThat(site.clients.get("admin").get("/admin/").statusCode()).as("still signed in").isEqualTo(200);
    }
}
