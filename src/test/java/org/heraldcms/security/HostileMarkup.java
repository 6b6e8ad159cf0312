package org.heraldcms.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What "rendered inert" means for a page: no script but the admin's own files, no event handler, no javascript: link, no embedded frame. */
final class HostileMarkup {

    private HostileMarkup() {
    }

    /** The first way the page could run script, or null. */
    static String problem(String html) {
        Document page = Jsoup.parse(html);
        // The admin's own script files (the rich-text editor) are allowed: a src under /admin/assets/ and nothing inline.
        for (Element script : page.select("script[src]")) {
            if (script.attr("src").startsWith("/admin/assets/") && !script.attr("src").contains("..")
                    && script.data().isBlank()) {
                script.remove();
            }
        }
        if (!page.select("script:not([type=application/ld+json]), iframe, object, embed, svg, base").isEmpty()) {
            return "active element " + page.select("script:not([type=application/ld+json]), iframe, object, embed, svg, base")
                    .first().tagName();
        }
        for (Element data : page.select("script[type=application/ld+json]")) {
            if (data.data().contains("<")) {
                return "JSON-LD that can close its element";
            }
        }
        for (Element e : page.getAllElements()) {
            for (Attribute a : e.attributes()) {
                if (a.getKey().startsWith("on")) {
                    return "event handler " + a.getKey() + " on " + e.tagName();
                }
                if ((a.getKey().equals("href") || a.getKey().equals("src") || a.getKey().equals("action")
                        || a.getKey().equals("formaction")) && a.getValue().strip().toLowerCase().startsWith("javascript:")) {
                    return "javascript: URL in " + e.tagName();
                }
            }
        }
        return null;
    }

    static void assertInert(String where, String html) {
        assertThat(problem(html)).as(where).isNull();
    }
}
