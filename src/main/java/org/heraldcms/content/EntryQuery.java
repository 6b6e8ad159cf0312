package org.heraldcms.content;

import java.util.Map;

/**
 * Filters, sort and page for the admin's entry list. Blank filters match everything; the sort is
 * one of {@link #SORTS}. {@code trashed} lists the trash instead of the other entries (anything else falls back to the newest change first).
 */
public record EntryQuery(String language, Long sectionId, EntryStatus status, String owner, String text, String sort,
                         int page, int size, boolean trashed) {

    /** The sort keys a request may name, and the SQL each stands for. */
    public static final Map<String, String> SORTS = Map.of(
            "updated", "updated_at DESC, id DESC",
            "published", "published_at DESC, id DESC",
            "title", "title ASC, id ASC",
            "status", "status ASC, updated_at DESC, id DESC",
            "language", "language ASC, updated_at DESC, id DESC");

    public EntryQuery {
        sort = SORTS.containsKey(sort) ? sort : "updated";
        page = Math.max(1, page);
        size = Math.min(100, Math.max(1, size));
    }

    String orderBy() {
        return SORTS.get(sort);
    }
}
