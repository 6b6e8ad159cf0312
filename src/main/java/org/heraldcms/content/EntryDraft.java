package org.heraldcms.content;

import java.time.Instant;
import java.util.List;

/**
 * An entry as an editor or importer hands it in to be saved.
 *
 * @param id            the entry to update, or null for a new one
 * @param translationOf for a new entry: the entry it translates (it joins that translation group), or null
 * @param slug          null or blank to derive it from the title
 * @param body          HTML; sanitised on save
 */
public record EntryDraft(Long id, Long translationOf, String language, long sectionId, String title, String slug,
                         String summary, String body, String author, String source, Instant publishedAt,
                         EntryStatus status, boolean featured, List<String> tags, String seoTitle,
                         String seoDescription) {

    public EntryDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A new entry with the common fields; the rest empty. */
    public static EntryDraft of(String language, long sectionId, String title, String body, String author,
                                Instant publishedAt, EntryStatus status) {
        return new EntryDraft(null, null, language, sectionId, title, null, "", body, author, "", publishedAt,
                status, false, List.of(), "", "");
    }

    public EntryDraft translating(long entryId) {
        return new EntryDraft(id, entryId, language, sectionId, title, slug, summary, body, author, source,
                publishedAt, status, featured, tags, seoTitle, seoDescription);
    }

    public EntryDraft withSummary(String summary) {
        return new EntryDraft(id, translationOf, language, sectionId, title, slug, summary, body, author, source,
                publishedAt, status, featured, tags, seoTitle, seoDescription);
    }

    public EntryDraft withSource(String source) {
        return new EntryDraft(id, translationOf, language, sectionId, title, slug, summary, body, author, source,
                publishedAt, status, featured, tags, seoTitle, seoDescription);
    }

    public EntryDraft withTags(List<String> tags) {
        return new EntryDraft(id, translationOf, language, sectionId, title, slug, summary, body, author, source,
                publishedAt, status, featured, tags, seoTitle, seoDescription);
    }

    public EntryDraft withTitle(String title) {
        return new EntryDraft(id, translationOf, language, sectionId, title, slug, summary, body, author, source,
                publishedAt, status, featured, tags, seoTitle, seoDescription);
    }

    public EntryDraft withSlug(String slug) {
        return new EntryDraft(id, translationOf, language, sectionId, title, slug, summary, body, author, source,
                publishedAt, status, featured, tags, seoTitle, seoDescription);
    }

    public EntryDraft featured(boolean featured) {
        return new EntryDraft(id, translationOf, language, sectionId, title, slug, summary, body, author, source,
                publishedAt, status, featured, tags, seoTitle, seoDescription);
    }

    public static EntryDraft from(Entry e) {
        return new EntryDraft(e.id(), null, e.language(), e.sectionId(), e.title(), e.slug(), e.summary(), e.body(),
                e.author(), e.source(), e.publishedAt(), e.status(), e.featured(),
                e.tags().stream().map(Tag::name).toList(), e.seoTitle(), e.seoDescription());
    }
}
