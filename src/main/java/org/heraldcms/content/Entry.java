package org.heraldcms.content;

import java.time.Instant;
import java.util.List;

/** One piece of content in one language, in one section. {@code body} is sanitised HTML. */
public record Entry(long id, long translationGroupId, String language, long sectionId, String title, String slug,
                    String summary, String body, String author, String source, Instant publishedAt,
                    EntryStatus status, boolean featured, String seoTitle, String seoDescription, long viewCount,
                    List<Tag> tags, Instant createdAt, Instant updatedAt) {

    public Entry {
        tags = List.copyOf(tags);
    }

    public boolean isPublished() {
        return status == EntryStatus.PUBLISHED;
    }

    public Entry withTags(List<Tag> tags) {
        return new Entry(id, translationGroupId, language, sectionId, title, slug, summary, body, author, source,
                publishedAt, status, featured, seoTitle, seoDescription, viewCount, tags, createdAt, updatedAt);
    }
}
