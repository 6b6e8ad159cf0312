package org.heraldcms.content;

import java.time.Instant;
import java.util.List;

/** The state of an entry as one save left it. */
public record Revision(long id, long entryId, int number, Instant savedAt, String savedBy, long sectionId,
                       String title, String slug, String summary, String body, String author, String source,
                       Instant publishedAt, EntryStatus status, List<String> tags, String seoTitle,
                       String seoDescription) {
}
