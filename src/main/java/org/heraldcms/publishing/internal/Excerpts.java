package org.heraldcms.publishing.internal;

import org.heraldcms.content.Entry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Text derived from an entry for descriptions and feeds, and bodies made fit to leave the site. */
final class Excerpts {

    static final int DESCRIPTION_LENGTH = 200;

    private Excerpts() {
    }

    /** The SEO description, else the summary, else the start of the body's text. */
    static String description(Entry entry) {
        if (!entry.seoDescription().isBlank()) {
            return entry.seoDescription();
        }
        return summary(entry);
    }

    /** The summary, else the start of the body's text, cut at a word. */
    static String summary(Entry entry) {
        if (!entry.summary().isBlank()) {
            return entry.summary();
        }
        String text = Jsoup.parse(entry.body()).text().strip();
        if (text.codePointCount(0, text.length()) <= DESCRIPTION_LENGTH) {
            return text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, DESCRIPTION_LENGTH));
        int space = cut.lastIndexOf(' ');
        return (space > DESCRIPTION_LENGTH / 2 ? cut.substring(0, space) : cut) + "…";
    }

    /** The sanitised body with site-relative links and images made absolute, for readers outside the site. */
    static String absoluteBody(String body, String baseUrlPrefix) {
        Document doc = Jsoup.parseBodyFragment(body);
        for (Element e : doc.select("[href], [src]")) {
            for (String attribute : new String[] {"href", "src"}) {
                String value = e.attr(attribute);
                if (value.startsWith("/") && !value.startsWith("//")) {
                    e.attr(attribute, baseUrlPrefix + value);
                }
            }
        }
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }
}
