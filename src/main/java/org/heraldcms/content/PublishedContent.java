package org.heraldcms.content;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.heraldcms.content.internal.PublishedQueries;
import org.heraldcms.platform.Page;
import org.springframework.stereotype.Service;

/**
 * What the public site lists beyond single pages: feeds, sitemaps, archives. Only entries
 * that are published and due are ever returned; drafts, scheduled and archived ones never.
 */
@Service
public class PublishedContent {

    private final PublishedQueries queries;
    private final Clock clock;

    PublishedContent(PublishedQueries queries, Optional<Clock> clock) {
        this.queries = queries;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The newest entries of these sections in a language, newest first, with their bodies. */
    public List<Entry> latest(String language, List<Long> sectionIds, int limit) {
        return queries.latest(language, sectionIds, clock.instant(), limit);
    }

    /** Every published entry of the site, by language then id. */
    public List<PublishedLink> links() {
        return queries.links(clock.instant());
    }

    /** A page of a language's entries published in {@code [from, to)}, newest first. */
    public Page<EntryCard> publishedBetween(String language, Instant from, Instant to, int page, int size) {
        Instant now = clock.instant();
        return new Page<>(queries.between(language, from, to, now, size, Page.offset(page, size)), page, size,
                queries.countBetween(language, from, to, now));
    }

    /** When anything the public site shows from entries last changed; empty on a site without entries. */
    public Optional<Instant> lastChange() {
        return queries.lastChange(clock.instant());
    }
}
