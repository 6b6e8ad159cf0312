package org.heraldcms.publishing.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.heraldcms.kinds.EventFields;

/**
 * iCalendar files (RFC 5545) written with ical4j: every event in its own time zone (DTSTART and
 * DTEND with TZID, and the zone's VTIMEZONE), a stable UID per entry and the page's URL.
 */
final class Ics {

    /**
     * One event of a calendar: the entry's id, title, summary, absolute page address, fields, and its
     * DTSTAMP (a time of the entry, never "now": the same content gives the same bytes, for ETags and exports).
     */
    record Item(long entryId, String title, String summary, String url, EventFields fields, Instant stamp) {
    }

    private Ics() {
    }

    static String write(String name, String host, List<Item> items) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Herald//" + name.replaceAll("[\\r\\n]", " ") + "//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        Set<String> zones = new HashSet<>();
        for (Item item : items) {
            EventFields f = item.fields();
            ZoneId zone = f.zone();
            if (zones.add(zone.getId())) {
                calendar.add(IcsZones.of(zone));
            }
            // The wall-clock times with their TZID, as the event's own zone says (not ical4j's zone data, see IcsZones).
            VEvent event = new VEvent(false);
            event.add(new DtStart<>(f.start().toLocalDateTime()).<DtStart<LocalDateTime>>add(new TzId(zone.getId())));
            event.add(new DtEnd<>(f.end().toLocalDateTime()).<DtEnd<LocalDateTime>>add(new TzId(zone.getId())));
            event.add(new Summary(item.title()));
            event.add(new Uid("entry-" + item.entryId() + "@" + host));
            event.add(new DtStamp(item.stamp()));
            event.add(new Url(URI.create(item.url())));
            String where = f.online() ? (f.place().isEmpty() ? "Online" : f.place() + " (online)") : f.place();
            if (!where.isEmpty()) {
                event.add(new Location(where));
            }
            if (!item.summary().isEmpty()) {
                event.add(new Description(item.summary()));
            }
            calendar.add(event);
        }
        return calendar.toString();
    }
}
