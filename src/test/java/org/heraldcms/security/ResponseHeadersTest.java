package org.heraldcms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security headers on every page type, public and admin (every admin GET route, enumerated):
 * a strict Content-Security-Policy, nosniff, a Referrer-Policy, no framing; HSTS and Secure cookies
 * only over HTTPS. HTTPS here is a proxy's {@code X-Forwarded-Proto: https} from 127.0.0.1, believed
 * because this site runs with {@code server.forward-headers-strategy=native} (see README).
 */
class ResponseHeadersTest {

    static final String ARTICLE = "/en/news/interactive-consultations-held-between-sco-and-un-secretariats";

    @TempDir
    static Path root;
    static AttackSite site;

    @BeforeAll
    static void start() {
        site = AttackSite.start(root, "--server.forward-headers-strategy=native");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static Map<String, String> publicPages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/en/");
        pages.put("section list", "/en/news/");
        pages.put("entry", ARTICLE);
        pages.put("tag", "/en/tags/sco/");
        pages.put("archive", "/en/archive/2021/");
        pages.put("search", "/en/search?q=sco");
        pages.put("search API", "/api/v1/search?lang=en&q=sco");
        pages.put("feed", "/en/feed.atom");
        pages.put("sitemap", "/sitemap.xml");
        pages.put("robots", "/robots.txt");
        pages.put("error 404", "/en/no-such-page");
        pages.put("media", "/media/" + site.mediaName);
        pages.put("missing media", "/media/nothing.png");
        pages.put("theme asset", "/theme/style.css");
        pages.put("root redirect", "/");
        pages.put("admin login", "/admin/login");
        pages.put("admin forgot password", "/admin/forgot");
        pages.put("admin reset (bad link)", "/admin/reset?token=x");
        pages.put("admin while signed out", "/admin/entries");
        return pages;
    }

    static List<String> problems(String what, HttpResponse<String> answer, boolean https) {
        List<String> problems = new ArrayList<>();
        String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
        if (!csp.contains("default-src 'self'") || !csp.contains("script-src 'self'") || csp.contains("unsafe-inline")
                || csp.contains("unsafe-eval") || !csp.contains("frame-ancestors 'none'")
                || !csp.contains("object-src 'none'") || !csp.contains("base-uri 'self'")) {
            problems.add(what + ": Content-Security-Policy " + csp);
        }
        if (!answer.headers().firstValue("X-Content-Type-Options").orElse("").equals("nosniff")) {
            problems.add(what + ": no nosniff");
        }
        if (answer.headers().firstValue("Referrer-Policy").isEmpty()) {
            problems.add(what + ": no Referrer-Policy");
        }
        if (!answer.headers().firstValue("X-Frame-Options").orElse("").equals("DENY")) {
            problems.add(what + ": framing allowed");
        }
        String hsts = answer.headers().firstValue("Strict-Transport-Security").orElse("");
        if (https != hsts.contains("max-age=31536000")) {
            problems.add(what + (https ? ": no HSTS over HTTPS" : ": HSTS over plain HTTP"));
        }
        for (String cookie : answer.headers().allValues("Set-Cookie")) {
            if (!cookie.contains("HttpOnly") || !cookie.contains("SameSite=Lax") || https != cookie.contains("Secure")) {
                problems.add(what + ": cookie " + cookie);
            }
        }
        return problems;
    }

    @Test
    void everyPublicPageTypeOverHttpAndHttps() {
        List<String> problems = new ArrayList<>();
        publicPages().forEach((what, path) -> {
            problems.addAll(problems(what + " (http)", site.herald.get(path), false));
            problems.addAll(problems(what + " (https)", site.herald.get(path, "X-Forwarded-Proto", "https"), true));
        });
        assertThat(problems).isEmpty();
        assertThat(site.herald.get("/admin/login").headers().allValues("Set-Cookie")).isNotEmpty();
        assertThat(site.herald.get("/en/").headers().allValues("Set-Cookie")).as("the public site sets no cookie").isEmpty();
    }

    @Test
    void everyAdminPageAsEveryRole() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Routes.Route route : Routes.of(Routes.all(site), "GET")) {
            if (!route.admin() || route.pattern().contains("{*")) {
                continue;
            }
            for (String role : AttackSite.ROLES) {
                HttpResponse<String> answer = site.clients.get(role).get(route.path(site, "", ""));
                problems.addAll(problems(role + " " + route.pattern() + " (" + answer.statusCode() + ")", answer, false));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(60);
        assertThat(problems).isEmpty();
        assertThat(site.clients.get("admin").get("/admin/").headers().firstValue("Cache-Control").orElse(""))
                .contains("no-store");
    }

    @Test
    void theSessionCookieIsSecureWhenSignedInOverHttps() throws Exception {
        // By hand: a cookie jar would rightly keep a Secure cookie off this test's plain-HTTP connection.
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(site.herald.uri("/admin/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        String session = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        String body = "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&username=editor1&password="
                + URLEncoder.encode(AttackSite.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(site.herald.uri("/admin/login"))
                .header("X-Forwarded-Proto", "https").header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/admin/");
        assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty().allSatisfy(c ->
                assertThat(c).contains("HttpOnly", "Secure", "SameSite=Lax"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
    }
}
