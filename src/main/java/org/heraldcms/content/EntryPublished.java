package org.heraldcms.content;

/** An entry became visible on the public site, or changed while visible. */
public record EntryPublished(long entryId, String language) {
}
