package org.heraldcms.content;

import java.time.Instant;

/** An entry as lists show it: everything but the body. */
public record EntryCard(long id, String language, long sectionId, String title, String slug, String summary,
                        String author, Instant publishedAt, boolean featured) {
}
