package org.heraldcms.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants are stored as fixed-width UTC text ({@code 2021-05-27T07:03:01.000Z}): portable
 * between SQLite and PostgreSQL, readable in either, and ordered correctly as text.
 */
public final class Timestamps {

    private static final DateTimeFormatter STORED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : STORED.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public static Instant parse(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }

    public static String now() {
        return format(Instant.now());
    }
}
