package org.heraldcms.text;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list for an entry's body: structure and formatting an editor needs, links and
 * images with safe URL schemes only, no scripts, styles, frames or event handlers.
 * Applied when an entry is saved and again when it is rendered.
 */
public final class RichText {

    /** {@code srcset} only with the media library's files: {@code /media/NAME-320.jpg 320w , ...}. */
    private static final Pattern MEDIA_SRCSET = Pattern.compile(
            "/media/[0-9a-f]{32}(-(320|768|1600))?\\.(jpg|png|gif) [0-9]{1,5}w( ?, ?/media/[0-9a-f]{32}(-(320|768|1600))?"
                    + "\\.(jpg|png|gif) [0-9]{1,5}w){0,5}");
    private static final Pattern SIZES = Pattern.compile("[a-z0-9 (),.:%-]{1,200}");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u",
                    "s", "sub", "sup", "small", "mark", "blockquote", "q", "cite", "abbr", "code", "pre",
                    "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption",
                    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "span", "div")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title", "hreflang").onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer")
            .allowAttributes("src", "alt", "title", "width", "height", "loading").onElements("img")
            .allowAttributes("srcset").matching(MEDIA_SRCSET).onElements("img")
            .allowAttributes("sizes").matching(SIZES).onElements("img")
            .allowAttributes("title").onElements("abbr")
            .allowAttributes("colspan", "rowspan", "scope").onElements("th", "td")
            .allowAttributes("start", "reversed").onElements("ol")
            .allowAttributes("lang", "dir").globally()
            .toFactory();

    private RichText() {
    }

    public static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }
}
