package org.heraldcms.kinds;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.heraldcms.kinds.internal.EventRepository;
import org.heraldcms.platform.Page;
import org.springframework.stereotype.Service;

/** Events on the public site: upcoming and past lists, a month's calendar, the reports on an event. */
@Service
public class Events {

    private final EventRepository events;
    private final Clock clock;

    Events(EventRepository events, Optional<Clock> clock) {
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public Optional<EventFields> of(long entryId) {
        return events.find(entryId);
    }

    public List<KindCard<EventFields>> upcoming(String language, List<Long> sections, int limit) {
        return events.upcoming(language, sections, clock.instant(), limit);
    }

    public Page<KindCard<EventFields>> past(String language, List<Long> sections, int page, int size) {
        Instant now = clock.instant();
        return new Page<>(events.past(language, sections, now, size, Page.offset(page, size)), page, size,
                events.countPast(language, sections, now));
    }

    public List<KindCard<EventFields>> overlapping(String language, List<Long> sections, Instant from, Instant to) {
        return events.overlapping(language, sections, from, to, clock.instant());
    }

    /** Entries of a language that report on the event of this translation group. */
    public List<KindCard<EventFields>> reports(long eventGroupId, String language) {
        return events.reports(eventGroupId, language, clock.instant());
    }

    /** The event a news entry reports on, in the entry's language, if it is on the site. */
    public Optional<KindCard<EventFields>> reportedBy(long entryId, String language) {
        return events.reportedGroup(entryId).flatMap(g -> events.inGroup(g, language, clock.instant()));
    }

    /** Events of a language an editor can link a report to. */
    public List<KindCard<EventFields>> choices(String language) {
        return events.choices(language);
    }

    /** The earliest start and the latest end of the events of these sections, or empty when there are none. */
    public Optional<Instant[]> span(String language, List<Long> sections) {
        return events.span(language, sections, clock.instant());
    }

    public Instant now() {
        return clock.instant();
    }
}
