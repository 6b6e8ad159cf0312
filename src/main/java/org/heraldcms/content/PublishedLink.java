package org.heraldcms.content;

import java.time.Instant;

/** Where a published entry lives and when it last changed: what a sitemap lists. */
public record PublishedLink(long id, long translationGroupId, String language, long sectionId, String slug,
                            Instant publishedAt, Instant updatedAt) {

    /** The later of the last save and the publication: a scheduled entry changes when it appears. */
    public Instant lastModified() {
        return publishedAt != null && publishedAt.isAfter(updatedAt) ? publishedAt : updatedAt;
    }
}
