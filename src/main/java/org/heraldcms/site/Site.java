package org.heraldcms.site;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The one site: its time zone and its languages, in order. */
public record Site(ZoneId timeZone, List<Language> languages) {

    public Site {
        languages = List.copyOf(languages);
    }

    public Language defaultLanguage() {
        return languages.stream().filter(Language::isDefault).findFirst()
                .orElseGet(() -> languages.get(0));
    }

    public List<Language> enabledLanguages() {
        return languages.stream().filter(Language::enabled).toList();
    }

    /** The enabled language with this exact tag. */
    public Optional<Language> language(String tag) {
        return languages.stream().filter(l -> l.enabled() && l.tag().equals(tag)).findFirst();
    }
}
