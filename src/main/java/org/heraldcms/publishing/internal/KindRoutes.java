package org.heraldcms.publishing.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.heraldcms.content.Entries;
import org.heraldcms.site.Language;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionAccess;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.site.Site;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The addresses section kinds add under {@code /{lang}/}: {@code events.ics} (the language's
 * calendar), {@code …/event-slug.ics}, and an events section's {@code past/} and
 * {@code calendar/yyyy-mm/}. A real section of the same path always wins.
 */
@Component
public class KindRoutes {

    public static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final Sections sections;
    private final Entries entries;
    private final KindPages pages;
    private final SectionAccess access;

    KindRoutes(Sections sections, Entries entries, KindPages pages, SectionAccess access) {
        this.sections = sections;
        this.entries = entries;
        this.pages = pages;
        this.access = access;
    }

    /** Answers {@code rest} (the path after the language, with its leading slash) if it is a kind address. */
    public Optional<ResponseEntity<String>> route(Site site, Language language, String rest) {
        String tag = language.tag();
        if (rest.equals("/events.ics")) {
            return Optional.of(calendar(pages.languageCalendar(site, language)));
        }
        if (rest.endsWith(".ics")) {
            PublicPath path = PublicPath.parse(rest.substring(0, rest.length() - 4))
                    .filter(p -> !p.trailingSlash() && p.segments().size() >= 2).orElse(null);
            if (path == null) {
                return Optional.empty();
            }
            return sections.byPath(tag, path.parentPath()).filter(s -> s.kind() == SectionKind.EVENTS)
                    .flatMap(s -> entries.findPublished(tag, s.id(), path.last())
                            .flatMap(e -> pages.eventCalendar(site, language, s, e)))
                    .map(KindRoutes::calendar);
        }
        PublicPath path = PublicPath.parse(rest).orElse(null);
        if (path == null || !path.trailingSlash() || path.segments().size() < 2
                || sections.byPath(tag, path.listPath()).isPresent()) {
            return Optional.empty();
        }
        List<String> s = path.segments();
        int n = s.size();
        if (s.get(n - 1).equals("past")) {
            return events(tag, s.subList(0, n - 1)).map(sec -> html(pages.pastEvents(site, language, sec, 1)));
        }
        if (n >= 4 && s.get(n - 3).equals("past") && s.get(n - 2).equals("page")) {
            int number = path.pageNumber();
            if (number < 1) {
                return Optional.empty();
            }
            return events(tag, s.subList(0, n - 3)).map(sec -> number == 1
                    ? moved(sec.listPath(tag) + "past/") : html(pages.pastEvents(site, language, sec, number)));
        }
        if (s.get(n - 1).equals("calendar")) {
            return events(tag, s.subList(0, n - 1)).map(sec -> ResponseEntity.status(HttpStatus.FOUND)
                    .location(URI.create(sec.listPath(tag) + "calendar/"
                            + YearMonth.now(site.timeZone()) + "/")).<String>build());
        }
        if (s.get(n - 2).equals("calendar") && s.get(n - 1).matches("[0-9]{4}-[0-9]{2}")) {
            YearMonth month;
            try {
                month = YearMonth.parse(s.get(n - 1));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
            if (month.getYear() < 1900 || month.getYear() > 2200) {
                return Optional.empty();
            }
            return events(tag, s.subList(0, n - 2)).map(sec -> html(pages.calendar(site, language, sec, month)));
        }
        return Optional.empty();
    }

    private Optional<Section> events(String tag, List<String> segments) {
        return sections.byPath(tag, String.join("/", segments))
                .filter(sec -> sec.kind() == SectionKind.EVENTS && access.canSee(sec.id()));
    }

    private static ResponseEntity<String> calendar(String body) {
        return ResponseEntity.ok().contentType(CALENDAR).body(body);
    }

    private static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok().contentType(HTML).body(body);
    }

    private static ResponseEntity<String> moved(String location) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(location)).build();
    }
}
