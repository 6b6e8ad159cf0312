package org.heraldcms.kinds;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.heraldcms.content.InvalidEntry;

/** An event: when (UTC instants and the zone it happens in), where or online, who organises and takes part. */
public record EventFields(Instant startsAt, Instant endsAt, ZoneId zone, String place, boolean online,
                          String organisers, String participants) implements KindFields {

    public EventFields {
        if (startsAt == null || endsAt == null || zone == null) {
            throw new InvalidEntry("An event needs its start, its end and its time zone");
        }
        if (endsAt.isBefore(startsAt)) {
            throw new InvalidEntry("An event cannot end before it starts");
        }
        place = Plain.of(place, 500, "A place");
        organisers = Plain.of(organisers, 1000, "The organisers");
        participants = Plain.of(participants, 2000, "The participants");
    }

    public ZonedDateTime start() {
        return startsAt.atZone(zone);
    }

    public ZonedDateTime end() {
        return endsAt.atZone(zone);
    }
}
