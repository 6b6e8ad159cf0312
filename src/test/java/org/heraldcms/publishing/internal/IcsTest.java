package org.heraldcms.publishing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

import org.heraldcms.kinds.EventFields;
import org.junit.jupiter.api.Test;

/** iCalendar files keep each event's wall clock and zone, and ical4j reads back the same instants. */
class IcsTest {

    @Test
    void eventsInZonesWithAndWithoutDaylightSavingReadBackAtTheirInstants() throws Exception {
        List<Ics.Item> items = List.of(item(1, "Summer in Zurich", LocalDateTime.of(2031, 7, 3, 9, 30), "Europe/Zurich"),
                item(2, "Winter in Zurich", LocalDateTime.of(2031, 1, 3, 9, 30), "Europe/Zurich"),
                item(3, "Moscow", LocalDateTime.of(2026, 12, 28, 10, 0), "Europe/Moscow"),
                item(4, "New York", LocalDateTime.of(2030, 3, 20, 18, 0), "America/New_York"));
        String ics = Ics.write("Test", "example.org", items);
        assertThat(ics).contains("DTSTART;TZID=Europe/Zurich:20310703T093000", "DTSTART;TZID=Europe/Moscow:20261228T100000",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(Ics.write("Test", "example.org", items)).isEqualTo(ics); // the same bytes for the same content
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(4);
        for (int i = 0; i < items.size(); i++) {
            Instant read = Instant.from(((DateProperty<?>) events.get(i).getProperty("DTSTART").orElseThrow()).getDate());
            assertThat(read).as(items.get(i).title()).isEqualTo(items.get(i).fields().startsAt());
            assertThat(events.get(i).getProperty("UID").orElseThrow().getValue()).isEqualTo("entry-" + (i + 1) + "@example.org");
        }
    }

    private static Ics.Item item(long id, String title, LocalDateTime start, String zone) {
        ZoneId z = ZoneId.of(zone);
        Instant at = start.atZone(z).toInstant();
        return new Ics.Item(id, title, "", "https://example.org/e/" + id,
                new EventFields(at, at.plusSeconds(3600), z, "", false, "", ""), Instant.parse("2026-01-01T00:00:00Z"));
    }
}
