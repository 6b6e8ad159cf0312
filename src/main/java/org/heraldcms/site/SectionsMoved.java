package org.heraldcms.site;

import java.util.Map;

/**
 * Sections got new paths (a move): for each moved section, its old path in each language. Published
 * after the change, in the same transaction, so content can keep the old addresses alive.
 */
public record SectionsMoved(Map<Long, Map<String, String>> oldPaths) {

    public SectionsMoved {
        oldPaths = Map.copyOf(oldPaths);
    }
}
