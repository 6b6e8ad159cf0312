package org.heraldcms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * SECURITY.md 2 and 3 — path traversal and request data reaching file paths. Secret files are planted
 * beside the media folder, the theme folders and the data folder; every route that serves files
 * ({@code /media/}, {@code /theme/}: the static-resource mappings, enumerated) and every path variable
 * and parameter of every other GET route gets each traversal form, sent byte for byte over a socket
 * (no client normalises it). No answer may carry a byte of a secret, of /etc/passwd or of the database.
 */
class PathTraversalTest {

    @TempDir
    static Path root;
    static AttackSite site;
    static final Coverage coverage = new Coverage("Path traversal (SECURITY.md 2, 3)");

    @BeforeAll
    static void start() {
        site = AttackSite.start(root);
    }

    @AfterAll
    static void stop() {
        coverage.print();
        site.close();
    }

    static List<String> payloads() {
        List<String> all = new ArrayList<>();
        for (String target : List.of("secret.txt", "../secret.txt", "herald.db", "data/secret.txt")) {
            all.addAll(Payloads.traversal(target));
        }
        all.addAll(Payloads.ABSOLUTE);
        all.add(root.resolve("secret.txt").toAbsolutePath().toString());
        all.add(site.dataDir.resolve("secret.txt").toAbsolutePath().toString().replace("/", "%2f"));
        return all;
    }

    /** The static-resource prefixes ({@code /theme/}): handlers that map URL paths to files. */
    static Set<String> fileRoutes() {
        Set<String> prefixes = new LinkedHashSet<>();
        for (SimpleUrlHandlerMapping mapping : site.herald.beans(SimpleUrlHandlerMapping.class).values()) {
            mapping.getUrlMap().keySet().stream().filter(p -> p.endsWith("/**"))
                    .forEach(p -> prefixes.add(p.substring(0, p.length() - 2)));
        }
        return prefixes;
    }

    @Test
    void noTraversalFormReachesAFileOutsideTheFoldersThatAreServed() {
        assertThat(site.herald.get("/media/" + site.mediaName).statusCode()).isEqualTo(200);
        assertThat(site.herald.get("/theme/style.css").statusCode()).isEqualTo(200);
        Set<String> prefixes = fileRoutes();
        assertThat(prefixes).contains("/theme/");
        List<String> problems = new ArrayList<>();
        List<String> payloads = payloads();
        for (String prefix : prefixes) {
            for (String payload : payloads) {
                check(problems, "GET " + prefix + "**", "(path)", prefix + payload);
            }
        }
        for (Routes.Route route : Routes.of(Routes.all(site), "GET")) {
            for (String variable : route.pathVariables()) {
                for (String payload : payloads) {
                    check(problems, "GET " + route.pattern(), "{" + variable + "}", route.path(site, variable, payload));
                }
            }
            for (String parameter : route.parameters()) {
                for (String payload : payloads) {
                    check(problems, "GET " + route.pattern(), parameter,
                            route.path(site, "", "") + "?" + parameter + "=" + payload);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(coverage.total()).isGreaterThan(1000);
    }

    @Test
    void storedNamesAreTheOnlyWayToAMediaFile() {
        for (String name : List.of(site.mediaName.toUpperCase(), site.mediaName + "/", site.mediaName + "%00.html",
                site.mediaName.replace(".png", ".html"), "pixel.png", "..%2f" + site.mediaName, "./" + site.mediaName,
                site.mediaName + ";.html", site.mediaName + "?.html")) {
            String answer = site.herald.raw("/media/" + name, "Host: 127.0.0.1");
            assertThat(answer).as(name).doesNotContain(site.secret);
            if (answer.startsWith("HTTP/1.1 200")) { // "?.html" is a query, ";.html" a path parameter: still the PNG
                assertThat(answer).as(name).contains("Content-Type: image/png");
            }
        }
    }

    private static void check(List<String> problems, String route, String parameter, String path) {
        coverage.count(route, parameter);
        String answer = site.herald.raw(path, "Host: 127.0.0.1");
        String leak = site.leak(answer);
        if (leak != null) {
            problems.add(path + " -> leaks " + leak);
        } else if (answer.startsWith("HTTP/1.1 5")) {
            problems.add(path + " -> " + answer.lines().findFirst().orElse(""));
        }
    }
}
