package org.heraldcms.publishing.internal;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heraldcms.content.Entry;
import org.heraldcms.kinds.DocumentFields;
import org.heraldcms.kinds.Documents;
import org.heraldcms.kinds.EventFields;
import org.heraldcms.kinds.Events;
import org.heraldcms.kinds.Galleries;
import org.heraldcms.kinds.KindCard;
import org.heraldcms.kinds.Links;
import org.heraldcms.kinds.Vacancies;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.platform.Page;
import org.heraldcms.site.Language;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.site.Site;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public pages of section kinds: document lists with filters, upcoming and past events, the
 * month calendar, open vacancies, links, banners, galleries, and what an entry page shows of its kind.
 */
@Component
public class KindPages {

    public static final List<SectionKind> LISTED = List.of(SectionKind.DOCUMENTS, SectionKind.EVENTS,
            SectionKind.VACANCIES, SectionKind.LINK, SectionKind.BANNERS);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** A row of a kind list: the entry's title and address and what the kind adds, ready to print. */
    public record Row(String title, String url, String summary, Map<String, Object> kind) {
    }

    private final Theme theme;
    private final Frame frame;
    private final Sections sections;
    private final Documents documents;
    private final Events events;
    private final Vacancies vacancies;
    private final Links links;
    private final Galleries galleries;

    KindPages(Theme theme, Frame frame, Sections sections, Documents documents, Events events, Vacancies vacancies,
              Links links, Galleries galleries) {
        this.theme = theme;
        this.frame = frame;
        this.sections = sections;
        this.documents = documents;
        this.events = events;
        this.vacancies = vacancies;
        this.links = links;
        this.galleries = galleries;
    }

    /** A kind section's list page; {@code year} and {@code type} filter documents (null: all). */
    public String section(Site site, Language language, Section section, int number, String year, String type) {
        String tag = language.tag();
        String base = section.listPath(tag);
        Map<String, Object> model = frame(site, language, section, base + Pages.pageSuffix(number));
        model.put("section", section.in(tag).orElseThrow());
        model.put("sectionKind", section.kind().code());
        switch (section.kind()) {
            case DOCUMENTS -> documentsModel(model, tag, section, number, year, type);
            case EVENTS -> {
                if (number != 1) {
                    throw notFound();
                }
                model.put("rows", events.upcoming(tag, List.of(section.id()), 100).stream()
                        .map(c -> eventRow(section, c)).toList());
                model.put("pastUrl", base + "past/");
                // this month's page itself, not the redirect: a static export has files, no redirects
                model.put("calendarUrl", base + "calendar/" + YearMonth.now(site.timeZone()) + "/");
                model.put("icsUrl", "/" + tag + "/events.ics");
            }
            case VACANCIES -> {
                if (number != 1) {
                    throw notFound();
                }
                model.put("rows", vacancies.open(tag, section.id()).stream().map(c -> new Row(c.title(),
                        section.entryPath(tag, c.slug()), c.summary(), Map.of("grade", c.fields().grade(),
                        "station", c.fields().dutyStation(), "closes", Frame.shown(c.fields().closesAt(), site.timeZone()),
                        "closesIso", Frame.iso(c.fields().closesAt(), site.timeZone())))).toList());
            }
            default -> {
                if (number != 1) {
                    throw notFound();
                }
                model.put("rows", links.inSection(tag, section.id()).stream().map(s -> linkRow(section, s)).toList());
            }
        }
        return theme.render("kind-list", model, language.locale());
    }

    /** {@code …/past/} and {@code …/past/page/N/}: events that are over. */
    public String pastEvents(Site site, Language language, Section section, int number) {
        String tag = language.tag();
        String base = section.listPath(tag) + "past/";
        Page<KindCard<EventFields>> page = events.past(tag, List.of(section.id()), number, Pages.PAGE_SIZE);
        if (number < 1 || number > page.totalPages()) {
            throw notFound();
        }
        Map<String, Object> model = frame(site, language, section, base + Pages.pageSuffix(number));
        model.put("section", section.in(tag).orElseThrow());
        model.put("sectionKind", "past");
        model.put("rows", page.items().stream().map(c -> eventRow(section, c)).toList());
        model.put("upcomingUrl", section.listPath(tag));
        model.put("pager", pager(page, base, ""));
        return theme.render("kind-list", model, language.locale());
    }

    /** {@code …/calendar/2026-11/}: a month as a table, weeks from Monday, in the site's time zone. */
    public String calendar(Site site, Language language, Section section, YearMonth month) {
        String tag = language.tag();
        ZoneId zone = site.timeZone();
        String base = section.listPath(tag) + "calendar/";
        var from = month.atDay(1).atStartOfDay(zone).toInstant();
        var to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<KindCard<EventFields>> list = events.overlapping(tag, List.of(section.id()), from, to);
        List<List<Map<String, Object>>> weeks = new ArrayList<>();
        LocalDate day = month.atDay(1).with(DayOfWeek.MONDAY);
        while (!day.isAfter(month.atEndOfMonth())) {
            List<Map<String, Object>> week = new ArrayList<>();
            for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
                Map<String, Object> cell = new HashMap<>();
                cell.put("inMonth", YearMonth.from(day).equals(month));
                cell.put("day", day.getDayOfMonth());
                cell.put("iso", day.toString());
                var start = day.atStartOfDay(zone).toInstant();
                var end = day.plusDays(1).atStartOfDay(zone).toInstant();
                cell.put("events", list.stream()
                        .filter(c -> c.fields().startsAt().isBefore(end) && !c.fields().endsAt().isBefore(start))
                        .map(c -> Map.of("title", c.title(), "url", section.entryPath(tag, c.slug()),
                                "time", TIME.format(c.fields().start()))) // the event's own clock, as on its page
                        .toList());
                week.add(cell);
            }
            weeks.add(week);
        }
        Map<String, Object> model = frame(site, language, section, base + month + "/");
        model.put("section", section.in(tag).orElseThrow());
        model.put("monthName", DateTimeFormatter.ofPattern("LLLL uuuu", language.locale()).format(month));
        model.put("weekdays", java.util.stream.Stream.of(DayOfWeek.values())
                .map(d -> d.getDisplayName(TextStyle.SHORT_STANDALONE, language.locale())).toList());
        model.put("weeks", weeks);
        // Months are endless: link only from the first event's month to the last's (and this month), so a crawl ends.
        YearMonth current = YearMonth.now(zone);
        var span = events.span(tag, List.of(section.id()));
        YearMonth first = span.map(s -> YearMonth.from(s[0].atZone(zone))).filter(m -> m.isBefore(current)).orElse(current);
        YearMonth last = span.map(s -> YearMonth.from(s[1].atZone(zone))).filter(m -> m.isAfter(current)).orElse(current);
        model.put("previousUrl", month.isAfter(first) ? base + month.minusMonths(1) + "/" : null);
        model.put("nextUrl", month.isBefore(last) ? base + month.plusMonths(1) + "/" : null);
        model.put("upcomingUrl", section.listPath(tag));
        return theme.render("calendar", model, language.locale());
    }

    /** The events of every events section of a language as one iCalendar file. */
    public String languageCalendar(Site site, Language language) {
        String tag = language.tag();
        List<Section> eventSections = sections.all().stream()
                .filter(s -> s.kind() == SectionKind.EVENTS && s.in(tag).isPresent()).toList();
        List<Ics.Item> items = new ArrayList<>();
        List<Long> ids = eventSections.stream().map(Section::id).toList();
        var all = new ArrayList<KindCard<EventFields>>(events.upcoming(tag, ids, 500));
        all.addAll(events.past(tag, ids, 1, 500).items());
        for (KindCard<EventFields> c : all) {
            Section s = sections.byId(c.sectionId()).orElseThrow();
            items.add(new Ics.Item(c.id(), c.title(), c.summary(), frame.absolute(s.entryPath(tag, c.slug())), c.fields(),
                    c.publishedAt()));
        }
        return Ics.write(language.siteName(), host(), items);
    }

    /** One event as an iCalendar file. */
    public Optional<String> eventCalendar(Site site, Language language, Section section, Entry entry) {
        return events.of(entry.id()).map(f -> Ics.write(language.siteName(), host(), List.of(new Ics.Item(entry.id(),
                entry.title(), entry.summary(), frame.absolute(section.entryPath(language.tag(), entry.slug())), f,
                entry.updatedAt()))));
    }

    /** What an entry page shows of its kind, under {@code kind} in the model (absent for plain entries). */
    public Map<String, Object> entry(Site site, Language language, Section section, Entry entry) {
        String tag = language.tag();
        Map<String, Object> kind = new HashMap<>();
        switch (section.kind()) {
            case DOCUMENTS -> documents.of(entry.id()).ifPresent(d -> {
                kind.put("name", "document");
                kind.putAll(documentValues(tag, d));
            });
            case EVENTS -> events.of(entry.id()).ifPresent(f -> {
                kind.put("name", "event");
                kind.putAll(eventValues(f));
                kind.put("icsUrl", section.entryPath(tag, entry.slug()) + ".ics");
                kind.put("reports", events.reports(entry.translationGroupId(), tag).stream()
                        .map(c -> new org.heraldcms.publishing.internal.Links.Link(c.title(), sections.byId(c.sectionId()).orElseThrow().entryPath(tag, c.slug())))
                        .toList());
            });
            case VACANCIES -> vacancies.of(entry.id()).ifPresent(v -> {
                kind.put("name", "vacancy");
                kind.put("grade", v.grade());
                kind.put("station", v.dutyStation());
                kind.put("closes", Frame.shown(v.closesAt(), site.timeZone()));
                kind.put("closesIso", Frame.iso(v.closesAt(), site.timeZone()));
            });
            case LINK, BANNERS -> links.of(entry.id()).ifPresent(l -> {
                kind.put("name", "link");
                kind.put("url", l.url());
                kind.put("external", l.external());
            });
            case GALLERY -> {
                kind.put("name", "gallery");
                kind.put("pictures", galleries.pictures(entry));
            }
            case NEWS -> events.reportedBy(entry.id(), tag).ifPresent(c -> {
                kind.put("name", "report");
                kind.put("event", new org.heraldcms.publishing.internal.Links.Link(c.title(), sections.byId(c.sectionId()).orElseThrow().entryPath(tag, c.slug())));
                kind.putAll(eventValues(c.fields()));
            });
            default -> {
            }
        }
        return kind.isEmpty() ? Map.of() : Map.of("kind", kind);
    }

    /** The home page's banners in a language, in order. */
    public List<Row> banners(Language language) {
        return links.banners(language.tag()).stream().map(s -> new Row(s.card().title(), s.card().fields().url(),
                s.card().summary(), s.image() == null ? Map.of("external", s.card().fields().external())
                : Map.of("external", s.card().fields().external(), "image", s.image()))).toList();
    }

    private void documentsModel(Map<String, Object> model, String tag, Section section, int number, String year,
                                String type) {
        Integer y = null;
        if (year != null && !year.isEmpty()) {
            if (!year.matches("[0-9]{4}")) {
                throw notFound();
            }
            y = Integer.valueOf(year);
        }
        if (type != null && !type.isEmpty() && !DocumentFields.TYPES.contains(type)) {
            throw notFound();
        }
        String t = type == null || type.isEmpty() ? null : type;
        Page<KindCard<DocumentFields>> page = documents.list(tag, section.id(), y, t, number, Pages.PAGE_SIZE);
        if (number < 1 || number > page.totalPages()) {
            throw notFound();
        }
        model.put("rows", page.items().stream().map(c -> new Row(c.title(), section.entryPath(tag, c.slug()),
                c.summary(), c.fields() == null ? Map.of() : documentValues(tag, c.fields()))).toList());
        model.put("years", documents.years(tag, section.id()));
        model.put("types", DocumentFields.TYPES);
        model.put("year", y == null ? "" : y.toString());
        model.put("type", t == null ? "" : t);
        String query = (y == null ? "" : "year=" + y) + (t == null ? "" : (y == null ? "" : "&") + "type=" + t);
        model.put("pager", pager(page, section.listPath(tag), query.isEmpty() ? "" : "?" + query));
        model.put("sectionFeed", section.listPath(tag) + "feed.atom");
    }

    private Map<String, Object> documentValues(String tag, DocumentFields d) {
        Map<String, Object> values = new HashMap<>();
        values.put("symbol", d.symbol());
        values.put("date", d.date().toString());
        values.put("type", d.type());
        values.put("symbolUrl", "/" + tag + "/symbol/" + d.symbol());
        if (!d.mediaName().isEmpty()) {
            String ext = d.mediaName().substring(d.mediaName().lastIndexOf('.') + 1);
            values.put("fileUrl", "/" + tag + "/symbol/" + d.symbol() + "." + ext);
            values.put("fileType", MediaLibrary.contentType(d.mediaName()));
        }
        return values;
    }

    private Row eventRow(Section section, KindCard<EventFields> c) {
        String tag = c.language();
        return new Row(c.title(), section.entryPath(tag, c.slug()), c.summary(), eventValues(c.fields()));
    }

    private static Map<String, Object> eventValues(EventFields f) {
        Map<String, Object> values = new HashMap<>();
        var start = f.start();
        var end = f.end();
        values.put("start", DAY.format(start) + " " + TIME.format(start));
        values.put("end", (start.toLocalDate().equals(end.toLocalDate()) ? "" : DAY.format(end) + " ") + TIME.format(end));
        values.put("startIso", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start.withNano(0)));
        values.put("endIso", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(end.withNano(0)));
        values.put("zone", f.zone().getId());
        values.put("place", f.place());
        values.put("online", f.online());
        values.put("organisers", f.organisers());
        values.put("participants", f.participants());
        return values;
    }

    private Row linkRow(Section section, Links.Shown s) {
        Map<String, Object> values = new HashMap<>();
        values.put("external", s.card().fields().external());
        if (s.image() != null) {
            values.put("image", s.image());
        }
        return new Row(s.card().title(), s.card().fields().url(), s.card().summary(), values);
    }

    private Map<String, Object> frame(Site site, Language language, Section section, String path) {
        Map<String, String> translations = new LinkedHashMap<>();
        String own = section.listPath(language.tag());
        String rest = path.substring(own.length());
        section.names().keySet().forEach(other -> translations.put(other, section.listPath(other) + rest));
        return frame.model(site, language, path, translations, section);
    }

    private static org.heraldcms.publishing.internal.Links.Pager pager(Page<?> page, String base, String query) {
        return new org.heraldcms.publishing.internal.Links.Pager(page.number(), page.totalPages(),
                page.hasPrevious() ? base + Pages.pageSuffix(page.number() - 1) + query : null,
                page.hasNext() ? base + Pages.pageSuffix(page.number() + 1) + query : null);
    }

    private String host() {
        return Optional.ofNullable(URI.create(frame.absolute("/")).getHost()).orElse("localhost");
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
