package org.heraldcms.publishing.internal;

import java.util.List;
import java.util.Locale;

import org.heraldcms.site.Language;
import org.heraldcms.site.Site;

/** The visitor's language: the best of Accept-Language among the site's languages, else the default. */
public final class LanguageNegotiation {

    private LanguageNegotiation() {
    }

    public static Language pick(String acceptLanguage, Site site) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1000) {
            return site.defaultLanguage();
        }
        List<String> tags = site.enabledLanguages().stream().map(Language::tag).toList();
        try {
            String best = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), tags);
            return best == null ? site.defaultLanguage() : site.language(best).orElse(site.defaultLanguage());
        } catch (IllegalArgumentException malformed) {
            return site.defaultLanguage();
        }
    }
}
