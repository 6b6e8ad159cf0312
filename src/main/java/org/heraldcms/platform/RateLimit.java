package org.heraldcms.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key in each fixed window of time, counted in memory (a restart
 * forgets). Used for public POSTs: form submissions and member sign-in, per address and overall.
 */
public final class RateLimit {

    private static final int MAX_KEYS = 100_000;

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimit(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Counts one event for {@code key}; false when the key has already had its share in this window. */
    public boolean tryAcquire(String key) {
        long now = clock.millis();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> w.start + windowMillis <= now);
            if (windows.size() > MAX_KEYS) {
                windows.clear(); // a flood of distinct keys: forgetting is safer than growing without bound
            }
        }
        Window w = windows.compute(key, (k, old) -> old == null || old.start + windowMillis <= now
                ? new Window(now, 1) : new Window(old.start, old.count + 1));
        return w.count <= limit;
    }

    private record Window(long start, int count) {
    }
}
