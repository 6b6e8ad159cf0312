package org.heraldcms.site;

import java.util.Map;
import java.util.Optional;

/**
 * A node of the navigation tree, named per language.
 *
 * @param names by language tag; a section without a name in a language is absent from that language's site
 */
public record Section(long id, Long parentId, SectionKind kind, int position, boolean inMenu,
                      Map<String, SectionName> names) {

    public Section {
        names = Map.copyOf(names);
    }

    public Optional<SectionName> in(String language) {
        return Optional.ofNullable(names.get(language));
    }

    /** The public address of this section's list: {@code /en/news/}. */
    public String listPath(String language) {
        return "/" + language + "/" + names.get(language).path() + "/";
    }

    /** The public address of an entry in this section: {@code /en/news/the-slug}. */
    public String entryPath(String language, String slug) {
        return "/" + language + "/" + names.get(language).path() + "/" + slug;
    }
}
