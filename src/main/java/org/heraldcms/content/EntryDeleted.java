package org.heraldcms.content;

/** An entry was deleted for good; whatever was derived from it (search index, caches) goes too. */
public record EntryDeleted(long entryId, String language) {
}
