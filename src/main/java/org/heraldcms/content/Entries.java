package org.heraldcms.content;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.heraldcms.content.internal.EntryMediaRepository;
import org.heraldcms.content.internal.EntryRepository;
import org.heraldcms.content.internal.RevisionRepository;
import org.heraldcms.content.internal.TagRepository;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.platform.Ids;
import org.heraldcms.platform.Page;
import org.heraldcms.site.Section;
import org.heraldcms.site.Sections;
import org.heraldcms.site.SiteSettings;
import org.heraldcms.text.RichText;
import org.heraldcms.text.Slugs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saving entries (each save a revision) and reading what the public site shows. */
@Service
public class Entries {

    static final int MAX_TITLE = 500;
    static final int MAX_ATTACHMENTS = 50;

    private final EntryRepository entries;
    private final TagRepository tags;
    private final RevisionRepository revisions;
    private final Redirects redirects;
    private final Sections sections;
    private final SiteSettings site;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EntryMediaRepository media;
    private final MediaLibrary library;
    private EntryExpiry expiry;

    @org.springframework.beans.factory.annotation.Autowired
    void setExpiry(EntryExpiry expiry) {
        this.expiry = expiry;
    }

    Entries(EntryRepository entries, TagRepository tags, RevisionRepository revisions, Redirects redirects,
            Sections sections, SiteSettings site, ApplicationEventPublisher events, Optional<Clock> clock,
            EntryMediaRepository media, MediaLibrary library) {
        this.media = media;
        this.library = library;
        this.entries = entries;
        this.tags = tags;
        this.revisions = revisions;
        this.redirects = redirects;
        this.sections = sections;
        this.site = site;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Saves an entry and records the saved state as a new revision. An existing entry keeps its cover
     * and attachments; a new translation starts with those of the entry it translates.
     */
    @Transactional
    public Entry save(EntryDraft draft, String savedBy) {
        return save(draft, null, savedBy);
    }

    /** Saves an entry with this cover and these attachments ({@code null}: keep them as they are). */
    @Transactional
    public Entry save(EntryDraft draft, EntryMedia chosen, String savedBy) {
        // Stored instants keep milliseconds: the entry returned must equal the one read back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<Entry> before = draft.id() == null ? Optional.empty() : entries.find(draft.id());
        if (draft.id() != null && before.isEmpty()) {
            throw new InvalidEntry("There is no entry " + draft.id());
        }
        Section section = checkedSection(draft);
        EntryMedia files = chosen != null ? checkedMedia(chosen)
                : draft.id() != null ? media.ofEntry(draft.id())
                : draft.translationOf() != null ? media.ofEntry(draft.translationOf()) : EntryMedia.NONE;
        long id = before.map(Entry::id).orElseGet(Ids::next);
        long group = before.map(Entry::translationGroupId).orElseGet(() -> groupFor(draft));
        Instant publishedAt = draft.publishedAt() == null && draft.status() == EntryStatus.PUBLISHED ? now
                : draft.publishedAt() == null ? null : draft.publishedAt().truncatedTo(ChronoUnit.MILLIS);
        Entry entry = new Entry(id, group, draft.language(), section.id(), checkedTitle(draft.title()),
                uniqueSlug(draft, id), clean(draft.summary()), RichText.sanitize(draft.body()), clean(draft.author()),
                clean(draft.source()), publishedAt, draft.status(), draft.featured(), clean(draft.seoTitle()),
                clean(draft.seoDescription()), before.map(Entry::viewCount).orElse(0L), tagsOf(draft.tags()),
                before.map(Entry::createdAt).orElse(now), now);
        if (before.isPresent()) {
            entries.update(entry);
        } else {
            entries.insert(entry);
        }
        tags.replace(id, entry.language(), entry.tags());
        // Most saves (imports, scheduled publishing) change no media: then no extra statement runs.
        EntryMedia current = before.isEmpty() ? EntryMedia.NONE : chosen == null ? files : media.ofEntry(id);
        if (!files.equals(current)) {
            media.replace(id, files);
        }
        Revision revision = revisions.record(entry, savedBy);
        if (!files.equals(EntryMedia.NONE)) {
            media.keepInRevision(revision.id(), files);
        }
        before.filter(Entry::isPublished).ifPresent(old -> keepOldAddress(old, entry));
        announce(before, entry);
        return entry;
    }

    public Optional<Entry> find(long id) {
        return entries.find(id).map(e -> e.withTags(tags.ofEntry(e.id())));
    }

    public Optional<Entry> findBySlug(String language, long sectionId, String slug) {
        return entries.findBySlug(language, sectionId, slug).map(e -> e.withTags(tags.ofEntry(e.id())));
    }

    public Optional<Entry> findPublished(String language, long sectionId, String slug) {
        return entries.findVisible(language, sectionId, slug, clock.instant()).map(e -> e.withTags(tags.ofEntry(e.id())));
    }

    public Page<EntryCard> publishedInSection(String language, long sectionId, int page, int size) {
        Instant now = clock.instant();
        return new Page<>(entries.visibleInSection(language, sectionId, now, size, Page.offset(page, size)), page, size,
                entries.countVisibleInSection(language, sectionId, now));
    }

    public List<EntryCard> latestPublished(String language, List<Long> sectionIds, boolean featuredOnly, int limit) {
        return entries.visibleInSections(language, sectionIds, featuredOnly, clock.instant(), limit);
    }

    /** The published entry just older than this one in its section. */
    public Optional<EntryCard> previous(Entry entry) {
        return entries.neighbour(entry, true, clock.instant());
    }

    /** The published entry just newer than this one in its section. */
    public Optional<EntryCard> next(Entry entry) {
        return entries.neighbour(entry, false, clock.instant());
    }

    /** The published entries of this entry's translation group, this one included. */
    public List<Entry> publishedTranslations(Entry entry) {
        return entries.visibleInGroup(entry.translationGroupId(), clock.instant());
    }

    public Optional<Tag> tag(String language, String slug) {
        return tags.find(language, slug);
    }

    public Page<EntryCard> publishedWithTag(String language, String tagSlug, int page, int size) {
        Instant now = clock.instant();
        return new Page<>(entries.visibleWithTag(language, tagSlug, now, size, Page.offset(page, size)), page, size,
                entries.countVisibleWithTag(language, tagSlug, now));
    }

    /** The cover and attachments of an entry (none for an unknown id). */
    public EntryMedia media(long entryId) {
        return media.ofEntry(entryId);
    }

    /** The cover and attachments a revision kept, less any file deleted since. */
    public EntryMedia revisionMedia(long entryId, int number) {
        EntryMedia kept = media.ofRevision(entryId, number).orElse(EntryMedia.NONE);
        List<Long> ids = new ArrayList<>(kept.attachmentIds());
        if (kept.coverId() != null) {
            ids.add(kept.coverId());
        }
        var existing = library.find(ids).stream().map(MediaItem::id).collect(java.util.stream.Collectors.toSet());
        return new EntryMedia(existing.contains(kept.coverId()) ? kept.coverId() : null, kept.coverAlt(),
                kept.attachmentIds().stream().filter(existing::contains).toList());
    }

    /** entry id → its cover (id and alt text), for those of these entries that have one. */
    public Map<Long, EntryMedia> covers(List<Long> entryIds) {
        return media.covers(entryIds);
    }

    public List<Revision> revisions(long entryId) {
        return revisions.ofEntry(entryId);
    }

    /** The number of an entry's latest revision (0 for none). */
    public int lastRevision(long entryId) {
        return revisions.last(entryId);
    }

    public long count() {
        return entries.count();
    }

    /** Carries an imported entry's view count over from the old site (not a revision: counts are not content). */
    @Transactional
    public void setViewCount(long entryId, long viewCount) {
        entries.setViewCount(entryId, Math.max(0, viewCount));
    }

    /** id → last save of every entry on the public site now: what the search index must hold. */
    public Map<Long, Instant> publishedVersions() {
        return entries.visibleVersions(clock.instant());
    }

    /** Every entry on the public site now, without tags, for rebuilding what is derived from them. */
    public void forEachPublished(Consumer<Entry> action) {
        entries.forEachVisible(clock.instant(), action);
    }

    /** Whether this entry is on the public site now: status published and published_at not in the future. */
    public boolean isVisible(Entry entry) {
        Instant now = clock.instant();
        return entry.isPublished() && (entry.publishedAt() == null || !entry.publishedAt().isAfter(now))
                && (expiry == null || expiry.of(entry.id()).map(now::isBefore).orElse(true));
    }

    private Section checkedSection(EntryDraft draft) {
        if (site.current().languages().stream().noneMatch(l -> l.tag().equals(draft.language()))) {
            throw new InvalidEntry("The site has no language '" + draft.language() + "'");
        }
        Section section = sections.byId(draft.sectionId())
                .orElseThrow(() -> new InvalidEntry("There is no section " + draft.sectionId()));
        if (section.in(draft.language()).isEmpty()) {
            throw new InvalidEntry("The section has no name in " + draft.language() + " yet");
        }
        return section;
    }

    private EntryMedia checkedMedia(EntryMedia chosen) {
        if (chosen.coverId() != null) {
            MediaItem cover = library.find(chosen.coverId())
                    .orElseThrow(() -> new InvalidEntry("There is no media item " + chosen.coverId() + " for the cover"));
            if (!cover.isImage()) {
                throw new InvalidEntry("The cover must be an image: “" + cover.originalName() + "” is not one");
            }
        }
        List<Long> attachments = chosen.attachmentIds().stream().distinct().toList();
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw new InvalidEntry("An entry has at most " + MAX_ATTACHMENTS + " attachments");
        }
        var found = library.find(attachments).stream().map(MediaItem::id).collect(java.util.stream.Collectors.toSet());
        for (long id : attachments) {
            if (!found.contains(id)) {
                throw new InvalidEntry("There is no media item " + id + " to attach");
            }
        }
        String alt = clean(chosen.coverAlt()).replace('\n', ' ').replace('\t', ' ');
        if (alt.codePointCount(0, alt.length()) > 500) {
            throw new InvalidEntry("The cover's text is at most 500 characters long");
        }
        return new EntryMedia(chosen.coverId(), chosen.coverId() == null ? "" : alt, attachments);
    }

    private long groupFor(EntryDraft draft) {
        if (draft.translationOf() == null) {
            long group = Ids.next();
            entries.insertGroup(group);
            return group;
        }
        Entry original = entries.find(draft.translationOf())
                .orElseThrow(() -> new InvalidEntry("There is no entry " + draft.translationOf() + " to translate"));
        if (entries.languageTaken(original.translationGroupId(), draft.language())) {
            throw new InvalidEntry("This entry already has a translation in " + draft.language());
        }
        return original.translationGroupId();
    }

    private static String checkedTitle(String title) {
        String cleaned = clean(title);
        if (cleaned.isEmpty()) {
            throw new InvalidEntry("An entry needs a title");
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_TITLE) {
            throw new InvalidEntry("A title is at most " + MAX_TITLE + " characters long");
        }
        return cleaned;
    }

    private String uniqueSlug(EntryDraft draft, long id) {
        String wanted = draft.slug() == null || draft.slug().isBlank() ? Slugs.of(draft.title()) : draft.slug().strip();
        if (wanted.isEmpty()) {
            wanted = "entry-" + id;
        }
        if (!Slugs.isValid(wanted)) {
            throw new InvalidEntry("A slug is lowercase letters a-z, digits and single hyphens: '" + wanted + "' is not");
        }
        String slug = wanted;
        for (int n = 2; entries.slugTaken(draft.language(), draft.sectionId(), slug, id); n++) {
            slug = wanted + "-" + n;
        }
        return slug;
    }

    private static List<Tag> tagsOf(List<String> names) {
        Map<String, Tag> bySlug = new LinkedHashMap<>();
        for (String name : names) {
            String cleaned = clean(name);
            String slug = Slugs.of(cleaned);
            if (!slug.isEmpty()) {
                bySlug.putIfAbsent(slug, new Tag(cleaned, slug));
            }
        }
        return new ArrayList<>(bySlug.values());
    }

    private void keepOldAddress(Entry old, Entry now) {
        String oldPath = path(old);
        String newPath = path(now);
        if (!oldPath.equals(newPath)) {
            redirects.add(oldPath, newPath, "entry-moved");
        }
    }

    private String path(Entry e) {
        return sections.byId(e.sectionId()).orElseThrow().entryPath(e.language(), e.slug());
    }

    private void announce(Optional<Entry> before, Entry after) {
        boolean wasPublished = before.map(Entry::isPublished).orElse(false);
        if (after.isPublished()) {
            events.publishEvent(new EntryPublished(after.id(), after.language()));
        } else if (wasPublished) {
            events.publishEvent(new EntryUnpublished(after.id(), after.language()));
        }
    }

    /** Plain text from a form or import: control characters other than line breaks and tabs removed, trimmed. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c)).forEach(out::appendCodePoint);
        return out.toString().strip();
    }
}
