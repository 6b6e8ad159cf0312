package org.heraldcms.security;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every route of the running application, read from Spring MVC's own handler mappings, so a route
 * added later is attacked without touching these tests; with its path variables, its declared
 * request parameters and a guess for each value that gets a request past routing to the code.
 */
final class Routes {

    /** Parameters handlers may read without declaring them: tried on every GET route whose handler takes the request. */
    static final List<String> COMMON_PARAMETERS = List.of("page", "sort", "q", "lang", "id");

    record Route(String method, String pattern, List<String> pathVariables, List<String> parameters,
                 boolean multipart, boolean readsRequest) {

        boolean admin() {
            return pattern.startsWith("/admin");
        }

        /** The pattern with every variable filled by its guess, except {@code attacked}, which gets {@code value}. */
        String path(AttackSite site, String attacked, String value) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < pattern.length()) {
                char c = pattern.charAt(i);
                if (c != '{') {
                    out.append(c);
                    i++;
                    continue;
                }
                int depth = 0;
                int end = i;
                for (; end < pattern.length(); end++) {
                    if (pattern.charAt(end) == '{') {
                        depth++;
                    } else if (pattern.charAt(end) == '}' && --depth == 0) {
                        break;
                    }
                }
                String name = variableName(pattern.substring(i + 1, end));
                out.append(name.equals(attacked) ? value : guess(site, name, out.toString()));
                i = end + 1;
            }
            return out.toString();
        }
    }

    private Routes() {
    }

    static List<Route> all(AttackSite site) {
        Map<String, Route> routes = new TreeMap<>();
        for (RequestMappingHandlerMapping mapping : site.herald.beans(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = e.getKey();
                Set<String> patterns = info.getPathPatternsCondition() != null
                        ? info.getPathPatternsCondition().getPatternValues() : info.getPatternValues();
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : patterns) {
                    if (pattern.equals("/error")) {
                        continue; // Spring's error dispatch, not a page of its own
                    }
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                        Route route = new Route(method.name(), pattern, variables(pattern), parameters(e.getValue()),
                                multipart(e.getValue()), readsRequest(e.getValue()));
                        routes.put(method + " " + pattern, route);
                    }
                }
            }
        }
        return new ArrayList<>(routes.values());
    }

    static List<Route> of(List<Route> all, String method) {
        return all.stream().filter(r -> r.method().equals(method)).sorted(Comparator.comparing(Route::pattern)).toList();
    }

    /** The names of a pattern's variables; a variable's regex may hold braces of its own ({@code {2,3}}). */
    static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '{' && depth++ == 0) {
                start = i;
            } else if (pattern.charAt(i) == '}' && --depth == 0) {
                names.add(variableName(pattern.substring(start + 1, i)));
            }
        }
        return names;
    }

    private static String variableName(String inside) {
        String name = inside.startsWith("*") ? inside.substring(1) : inside;
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    private static List<String> parameters(HandlerMethod handler) {
        Set<String> names = new LinkedHashSet<>();
        for (Parameter p : handler.getMethod().getParameters()) {
            RequestParam param = p.getAnnotation(RequestParam.class);
            if (param != null && !Map.class.isAssignableFrom(p.getType())
                    && !p.getType().getName().contains("MultipartFile")) {
                String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : p.getName();
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    private static boolean multipart(HandlerMethod handler) {
        for (Parameter p : handler.getMethod().getParameters()) {
            if (p.getType().getName().contains("MultipartFile")) {
                return true;
            }
        }
        return false;
    }

    /** A handler that takes the request itself may read any parameter: it gets {@link #COMMON_PARAMETERS} too. */
    private static boolean readsRequest(HandlerMethod handler) {
        for (Parameter p : handler.getMethod().getParameters()) {
            if (p.getType().getName().equals("jakarta.servlet.http.HttpServletRequest")
                    || (p.getAnnotation(RequestParam.class) != null && Map.class.isAssignableFrom(p.getType()))) {
                return true;
            }
        }
        return false;
    }

    /** A value that gets past routing: real ids by the segment before the variable, a language, a stored name. */
    static String guess(AttackSite site, String name, String before) {
        String segment = before.replaceAll("/+$", "");
        segment = segment.substring(segment.lastIndexOf('/') + 1);
        return switch (name) {
            case "id" -> switch (segment) {
                case "sections" -> String.valueOf(site.sectionId);
                case "users" -> String.valueOf(site.victimId);
                default -> String.valueOf(site.editorEntry);
            };
            case "lang", "language", "tag" -> "en";
            case "name" -> site.mediaName;
            case "rest" -> "news/";
            case "part" -> "en-1";
            default -> "1";
        };
    }

    /**
     * The application's own forms as a guide to POST fields: every form with {@code method=post} on the
     * admin pages an admin sees, by the path it posts to, with the values it would send.
     */
    static Map<String, List<String[]>> forms(AttackSite site, List<Route> gets) {
        Map<String, List<String[]>> forms = new LinkedHashMap<>();
        for (Route get : gets) {
            if (!get.admin() || get.pattern().contains("{*")) {
                continue;
            }
            var page = site.clients.get("admin").get(get.path(site, "", ""));
            if (page.statusCode() != 200) {
                continue;
            }
            Document doc = Jsoup.parse(page.body());
            for (Element form : doc.select("form[method=post]")) {
                String action = form.attr("action");
                if (action.isEmpty() || form.attr("enctype").contains("multipart")) {
                    continue;
                }
                List<String[]> fields = new ArrayList<>();
                for (var kv : ((org.jsoup.nodes.FormElement) form).formData()) {
                    if (!kv.key().equals("_csrf")) {
                        fields.add(new String[] {kv.key(), kv.value()});
                    }
                }
                if (!forms.containsKey(action) || forms.get(action).size() < fields.size()) {
                    forms.put(action, fields);
                }
            }
        }
        return forms;
    }

    /** The form (action and fields) that posts to a route, if the admin has one; else its declared parameters. */
    static Map.Entry<String, List<String[]>> formFor(AttackSite site, Route post, Map<String, List<String[]>> forms) {
        var pattern = PathPatternParser.defaultInstance.parse(post.pattern());
        Map.Entry<String, List<String[]>> fullest = null;
        for (var form : forms.entrySet()) {
            if (pattern.matches(PathContainer.parsePath(form.getKey()))
                    && (fullest == null || form.getValue().size() > fullest.getValue().size())) {
                fullest = form;
            }
        }
        if (fullest != null) {
            return fullest;
        }
        List<String[]> fields = new ArrayList<>();
        post.parameters().forEach(p -> fields.add(new String[] {p, "1"}));
        return Map.entry(post.path(site, "", ""), fields);
    }
}
