package org.heraldcms.publishing.cache;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.heraldcms.content.EntryPublished;
import org.heraldcms.content.EntryUnpublished;
import org.heraldcms.kinds.KindEntries;
import org.heraldcms.site.SiteChanged;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Rendered public pages by path, bounded by bytes. Any published change empties it after
 * the change commits, so the next request renders afresh: exact, and cheap because changes
 * are rare next to reads. A generation number keeps a render that began before a change
 * from being stored after it.
 */
@Component
public class PageCache {

    private final Cache<String, CachedPage> pages;
    private final AtomicLong generation = new AtomicLong();
    private final boolean enabled;
    private final ObjectProvider<KindEntries> kinds;
    private volatile Instant validUntil;

    PageCache(PageCacheProperties properties, ObjectProvider<MeterRegistry> registry, ObjectProvider<KindEntries> kinds) {
        this.enabled = properties.enabled();
        this.kinds = kinds;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxBytes().toBytes())
                .weigher((String path, CachedPage page) -> page.weight())
                .recordStats()
                .build();
        registry.ifAvailable(r -> CaffeineCacheMetrics.monitor(r, pages, "herald.pages"));
    }

    boolean enabled() {
        return enabled;
    }

    CachedPage get(String path) {
        if (!Instant.now().isBefore(validUntil())) {
            clear(); // the clock has changed what some pages show: a vacancy closed, a banner ended
        }
        return pages.getIfPresent(path);
    }

    /**
     * Until when every cached page stays right without any save: the next instant at which the public
     * site changes by the clock alone. Worked out after each emptying, on a request's thread (never in
     * a transaction's after-commit listener) and kept only if no change came in between.
     */
    private Instant validUntil() {
        Instant until = validUntil;
        if (until != null) {
            return until;
        }
        long at = generation.get();
        KindEntries source = kinds.getIfAvailable();
        Instant next = source == null ? Instant.MAX : source.nextChange().orElse(Instant.MAX);
        if (generation.get() == at) {
            validUntil = next;
        }
        return next;
    }

    long generation() {
        return generation.get();
    }

    /** Stores a page rendered while {@code renderedAt} was the generation, unless a change came since. */
    void put(String path, CachedPage page, long renderedAt) {
        if (generation.get() != renderedAt) {
            return;
        }
        pages.put(path, page);
        if (generation.get() != renderedAt) {
            pages.invalidate(path); // a change slipped in between: do not keep what may be stale
        }
    }

    public void clear() {
        generation.incrementAndGet();
        validUntil = null;
        pages.invalidateAll();
    }

    public long size() {
        return pages.estimatedSize();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EntryPublished event) {
        clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EntryUnpublished event) {
        clear();
    }

    /** Last among the listeners: the sections, limits and site it renders from are read again first. */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(SiteChanged event) {
        clear();
    }
}
