package org.heraldcms.search;

import java.time.Instant;

/**
 * One entry found.
 *
 * @param snippet HTML: the matching passage, escaped, with the matched words in {@code <mark>}; empty for related entries
 */
public record SearchHit(long entryId, String language, long sectionId, String title, String slug,
                        Instant publishedAt, String snippet) {
}
