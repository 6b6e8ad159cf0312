package org.heraldcms.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heraldcms.support.AdminClient;
import org.jsoup.Jsoup;

/**
 * Sends payloads into every parameter of every route (path variables, declared request parameters,
 * {@link Routes#COMMON_PARAMETERS}, and the fields of the admin's own forms) and collects what went wrong.
 */
final class Fuzzer {

    /** What an answer must not be; returns a description of the problem or null. */
    interface Check {
        String problem(Routes.Route route, String who, String parameter, String payload, HttpResponse<String> answer);
    }

    final AttackSite site;
    final Coverage coverage;
    final List<String> problems = new ArrayList<>();

    Fuzzer(AttackSite site, Coverage coverage) {
        this.site = site;
        this.coverage = coverage;
    }

    /** Prefixes for catch-all variables ({@code {*rest}}): the first path segments the home page links to. */
    List<String> catchAllPrefixes() {
        Set<String> prefixes = new LinkedHashSet<>(List.of(""));
        for (var a : Jsoup.parse(site.herald.get("/en/").body()).select("a[href^=/en/]")) {
            String rest = a.attr("href").substring(4);
            int slash = rest.indexOf('/');
            if (slash > 0 && prefixes.size() < 8) {
                prefixes.add(rest.substring(0, slash + 1));
            }
        }
        return new ArrayList<>(prefixes);
    }

    void gets(List<Routes.Route> routes, String who, List<String> payloads, Check check) {
        AdminClient client = site.clients.get(who);
        List<String> prefixes = catchAllPrefixes();
        for (Routes.Route route : routes) {
            for (String variable : route.pathVariables()) {
                boolean catchAll = route.pattern().contains("{*" + variable);
                for (String payload : payloads) {
                    for (String prefix : catchAll ? prefixes : List.of("")) {
                        String path = route.path(site, variable, prefix + segment(payload));
                        send(route, who, "{" + variable + "}", payload, check, () -> client.getRaw(uri(path)));
                    }
                }
            }
            Set<String> parameters = new LinkedHashSet<>(route.parameters());
            if (route.readsRequest()) {
                parameters.addAll(Routes.COMMON_PARAMETERS);
            }
            String base = route.path(site, "", "");
            for (String parameter : parameters) {
                // Undeclared parameters are a guess: the first three payloads show whether they are read at all.
                List<String> sent = route.parameters().contains(parameter) ? payloads
                        : payloads.subList(0, Math.min(3, payloads.size()));
                for (String payload : sent) {
                    String path = base + (base.contains("?") ? "&" : "?") + query(parameter) + "=" + query(payload);
                    send(route, who, parameter, payload, check, () -> client.getRaw(uri(path)));
                }
            }
        }
    }

    /** As a signed-in {@code who}: each field of the route's form in turn, and each path variable, gets each payload. */
    void posts(List<Routes.Route> routes, Map<String, List<String[]>> forms, String who, List<String> payloads,
               Check check) {
        AdminClient client = site.clients.get(who);
        String token = client.csrf("/admin/password");
        for (Routes.Route route : routes) {
            if (!route.admin() || route.multipart()) {
                continue;
            }
            var form = Routes.formFor(site, route, forms);
            for (String variable : route.pathVariables()) {
                for (String payload : payloads) {
                    String path = route.path(site, variable, segment(payload));
                    send(route, who, "{" + variable + "}", payload, check,
                            () -> client.postWithToken(path, token, form.getValue()));
                }
            }
            for (int i = 0; i < form.getValue().size(); i++) {
                String field = form.getValue().get(i)[0];
                for (String payload : payloads) {
                    List<String[]> fields = new ArrayList<>(form.getValue());
                    fields.set(i, new String[] {field, payload});
                    send(route, who, field, payload, check, () -> client.postWithToken(form.getKey(), token, fields));
                }
            }
        }
    }

    private void send(Routes.Route route, String who, String parameter, String payload, Check check,
                      java.util.function.Supplier<HttpResponse<String>> request) {
        HttpResponse<String> answer = request.get();
        coverage.count(route.method() + " " + route.pattern(), parameter);
        String problem = generic(route, answer);
        if (problem == null) {
            problem = check.problem(route, who, parameter, payload, answer);
        }
        if (problem != null) {
            problems.add(who + " " + route.method() + " " + answer.uri().getRawPath()
                    + (answer.uri().getRawQuery() == null ? "" : "?" + answer.uri().getRawQuery())
                    + " [" + parameter + "] -> " + answer.statusCode() + ": " + problem);
        }
    }

    private String generic(Routes.Route route, HttpResponse<String> answer) {
        if (answer.statusCode() >= 500) {
            return "server error";
        }
        String leak = site.leak(answer.body());
        if (leak != null) {
            return "answer contains " + leak;
        }
        return null;
    }

    URI uri(String pathAndQuery) {
        return URI.create(site.herald.uri("").toString() + pathAndQuery);
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static boolean numeric(String value) {
        return value.matches("-?\\d{1,18}");
    }
}
