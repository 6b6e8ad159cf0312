package org.heraldcms.content;

/** An entry that was on the public site is no longer there. */
public record EntryUnpublished(long entryId, String language) {
}
