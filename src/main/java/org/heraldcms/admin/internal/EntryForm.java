package org.heraldcms.admin.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryMedia;
import org.heraldcms.content.EntryStatus;

/** The editor's form fields, read from the request and turned into a draft to save. */
record EntryForm(String language, long sectionId, String title, String slug, String summary, String body,
                 String author, String source, Instant publishedAt, EntryStatus status, boolean featured,
                 String tags, String seoTitle, String seoDescription) {

    static EntryForm from(Map<String, String> p, ZoneId zone) {
        return new EntryForm(p.getOrDefault("language", ""), parseLong(p.get("section")), p.get("title"), p.get("slug"),
                p.get("summary"), p.get("body"), p.get("author"), p.get("source"), instant(p.get("publishedAt"), zone),
                status(p.get("status")), "on".equals(p.get("featured")), p.getOrDefault("tags", ""), p.get("seoTitle"),
                p.get("seoDescription"));
    }

    EntryDraft draft(Long id, Long translationOf) {
        return new EntryDraft(id, translationOf, language, sectionId, title, slug, summary, body, author, source,
                publishedAt, status, featured, Arrays.stream(tags.split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).toList(), seoTitle, seoDescription);
    }

    static String tags(Entry e) {
        return String.join(", ", e.tags().stream().map(org.heraldcms.content.Tag::name).toList());
    }

    /**
     * The cover and attachments picked in the form, or null when the form has no such fields
     * (then a save keeps what the entry has). Ids must be plain numbers.
     */
    static EntryMedia media(Map<String, String> p, List<String> attachments) {
        if (!p.containsKey("media")) {
            return null;
        }
        String cover = p.getOrDefault("cover", "").strip();
        List<Long> ids = new ArrayList<>();
        for (String a : attachments == null ? List.<String>of() : attachments) {
            ids.add(mediaId(a, "An attachment"));
        }
        return new EntryMedia(cover.isEmpty() ? null : mediaId(cover, "The cover"), p.get("coverAlt"), ids);
    }

    private static long mediaId(String text, String what) {
        if (text == null || !text.strip().matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException(what + " must be chosen from the media library");
        }
        return Long.parseLong(text.strip());
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Choose a section");
        }
    }

    private static EntryStatus status(String code) {
        try {
            return EntryStatus.of(code == null || code.isBlank() ? "draft" : code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("There is no status '" + code + "'");
        }
    }

    private static Instant instant(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The publishing time must look like 2026-11-28T09:00");
        }
    }
}
