package org.heraldcms.site;

import java.util.Map;

/**
 * What is needed to add a section: its place in the tree and its name in each language.
 * Slugs are derived from the names unless given.
 */
public record NewSection(Long parentId, SectionKind kind, int position, boolean inMenu,
                         Map<String, String> names, Map<String, String> slugs) {

    public NewSection(Long parentId, SectionKind kind, int position, boolean inMenu, Map<String, String> names) {
        this(parentId, kind, position, inMenu, names, Map.of());
    }
}
