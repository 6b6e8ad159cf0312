package org.heraldcms.platform;

import java.security.SecureRandom;

/**
 * Identifiers made by the application rather than by the database, so the same schema runs
 * on SQLite and PostgreSQL and a backup restores with its ids on either.
 * <p>
 * 53 bits, safe as a JavaScript number: 41 bits of milliseconds since 2024 (good for 69 years),
 * 5 bits of node and 7 bits of sequence (128 ids per millisecond per node).
 */
public final class Ids {

    private static final long EPOCH = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
    private static final int NODE = new SecureRandom().nextInt(32);

    private static long lastMillis;
    private static int sequence;

    private Ids() {
    }

    public static synchronized long next() {
        long now = Math.max(System.currentTimeMillis(), lastMillis);
        if (now == lastMillis) {
            sequence = (sequence + 1) & 0x7F;
            if (sequence == 0) {
                now = lastMillis + 1; // this millisecond is used up: borrow the next one
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return ((now - EPOCH) << 12) | ((long) NODE << 7) | sequence;
    }
}
