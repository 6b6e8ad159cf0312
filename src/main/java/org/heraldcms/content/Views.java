package org.heraldcms.content;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import org.heraldcms.content.internal.ViewRepository;
import org.heraldcms.site.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Entry views, counted in memory and written in batches: a page view never waits for a
 * database write. A visitor counts once per entry per period ({@code herald.views.period}).
 * A crash loses at most the views since the last flush; never content.
 */
@Service
public class Views {

    private static final Logger log = LoggerFactory.getLogger(Views.class);

    private final ViewRepository repository;
    private final SiteSettings site;
    private final Clock clock;
    private final Cache<String, Boolean> seen;
    private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();

    Views(ViewRepository repository, SiteSettings site, Optional<Clock> clock,
          @Value("${herald.views.period:PT30M}") Duration period) {
        this.repository = repository;
        this.site = site;
        this.clock = clock.orElse(Clock.systemUTC());
        this.seen = Caffeine.newBuilder().expireAfterWrite(period).maximumSize(1_000_000).build();
    }

    /** The user agent of Herald's own static export: its requests are not views. */
    public static final String EXPORT_AGENT = "Herald-Static-Export";

    /** The key a visitor is recognised by: their address and user agent. */
    public static String visitor(String address, String userAgent) {
        return address + "|" + userAgent;
    }

    /** Counts a view of an entry by a visitor (any stable key, see {@link #visitor}). */
    public void count(long entryId, String visitor) {
        if (visitor.endsWith("|" + EXPORT_AGENT)) {
            return;
        }
        if (seen.asMap().putIfAbsent(entryId + "|" + visitor, Boolean.TRUE) == null) {
            pending.computeIfAbsent(entryId, id -> new LongAdder()).increment();
        }
    }

    /** Writes the counted views; runs every few seconds and at shutdown. */
    @Scheduled(fixedDelayString = "${herald.views.flush-every:PT10S}")
    @PreDestroy
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<Long, Long> batch = new java.util.HashMap<>();
        for (Long id : pending.keySet()) {
            long n = pending.remove(id).sum();
            if (n > 0) {
                batch.put(id, n);
            }
        }
        LocalDate day = LocalDate.now(clock.withZone(site.current().timeZone()));
        try {
            repository.add(batch, day);
        } catch (RuntimeException e) {
            log.warn("Could not write {} entries' views; they are kept for the next flush: {}", batch.size(), e.getMessage());
            batch.forEach((id, n) -> pending.computeIfAbsent(id, k -> new LongAdder()).add(n));
        }
    }

    /** Views per day, oldest first, for the last {@code days} days (days without views included as 0). */
    public Map<LocalDate, Long> perDay(int days) {
        LocalDate today = LocalDate.now(clock.withZone(site.current().timeZone()));
        Map<LocalDate, Long> result = new java.util.LinkedHashMap<>();
        for (int i = days - 1; i >= 0; i--) {
            result.put(today.minusDays(i), 0L);
        }
        repository.perDay(today.minusDays(days - 1L)).forEach((day, n) -> result.computeIfPresent(day, (d, z) -> n));
        return result;
    }
}
