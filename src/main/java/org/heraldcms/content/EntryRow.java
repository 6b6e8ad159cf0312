package org.heraldcms.content;

import java.time.Instant;

/** One line of the admin's entry list. */
public record EntryRow(long id, long translationGroupId, String language, long sectionId, String title, String author,
                       EntryStatus status, Instant publishedAt, Instant updatedAt, String owner) {
}
