package org.heraldcms.publishing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site-internal links in a page, sitemap or robots file: href, src and srcset values,
 * {@code <loc>} and {@code Sitemap:} lines. Absolute links to the site's base URL count as
 * internal; other sites, fragments and query strings do not lead to files.
 */
public final class ExportLinks {

    private static final Pattern LOC = Pattern.compile("<loc>\\s*([^<\\s]+)\\s*</loc>|^Sitemap:\\s*(\\S+)", Pattern.MULTILINE);
    private static final List<String> NOT_EXPORTED = List.of("/admin", "/api/", "/actuator", "/error");

    private final String baseUrl;

    public ExportLinks(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public List<String> in(String text) {
        List<String> links = new ArrayList<>();
        for (int eq = text.indexOf("=\"", 0); eq >= 0; eq = text.indexOf("=\"", eq + 2)) {
            int end = text.indexOf('"', eq + 2);
            if (end < 0) {
                break;
            }
            if (endsWith(text, eq, "href") || endsWith(text, eq, " src")) {
                links.add(internal(unescape(text.substring(eq + 2, end))));
            } else if (endsWith(text, eq, "srcset")) {
                for (String candidate : text.substring(eq + 2, end).split(",")) {
                    links.add(internal(unescape(candidate.strip().split("\\s+")[0])));
                }
            }
        }
        if (text.contains("<loc>") || text.contains("Sitemap:")) {
            Matcher loc = LOC.matcher(text);
            while (loc.find()) {
                links.add(internal(unescape(loc.group(1) != null ? loc.group(1) : loc.group(2))));
            }
        }
        links.removeIf(l -> l == null);
        return links;
    }

    private static boolean endsWith(String text, int end, String name) {
        return end >= name.length() && text.startsWith(name, end - name.length());
    }

    /** The site path of a link, or null when it leads elsewhere or to nothing exportable. */
    public String internal(String link) {
        String path = link;
        if (path.startsWith(baseUrl + "/")) {
            path = path.substring(baseUrl.length());
        }
        if (!path.startsWith("/") || path.startsWith("//")) {
            return null;
        }
        int cut = indexOfAny(path, '#', '?');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        String p = path;
        if (p.isEmpty() || NOT_EXPORTED.stream().anyMatch(p::startsWith) || p.contains("/../") || p.endsWith("/..")) {
            return null;
        }
        return p;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static String unescape(String attribute) {
        return attribute.replace("&amp;", "&");
    }
}
