package org.heraldcms.site;

import java.util.Locale;
import java.util.Set;

/**
 * A language the site publishes in, with the site's name, tagline, footer and SEO defaults in it.
 *
 * @param tag BCP 47 tag: {@code en}, {@code ru}, {@code zh}, {@code ar}, ...
 */
public record Language(String tag, String nativeName, int position, boolean enabled, boolean isDefault,
                       String siteName, String tagline, String footer, String seoDescription) {

    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur", "ps", "sd", "yi", "dv", "ug", "ckb");

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    public boolean rightToLeft() {
        return RIGHT_TO_LEFT.contains(locale().getLanguage());
    }

    public String direction() {
        return rightToLeft() ? "rtl" : "ltr";
    }
}
