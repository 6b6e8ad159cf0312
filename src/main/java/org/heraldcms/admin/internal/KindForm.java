package org.heraldcms.admin.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.heraldcms.content.InvalidEntry;
import org.heraldcms.kinds.DocumentFields;
import org.heraldcms.kinds.EventFields;
import org.heraldcms.kinds.EventReport;
import org.heraldcms.kinds.KindFields;
import org.heraldcms.kinds.LinkFields;
import org.heraldcms.kinds.VacancyFields;
import org.heraldcms.site.SectionKind;

/** The editor's kind fields (named {@code k.…}) read for the kind of the chosen section. */
final class KindForm {

    private KindForm() {
    }

    static KindFields parse(SectionKind kind, Map<String, String> p, ZoneId adminZone) {
        return switch (kind) {
            case DOCUMENTS -> new DocumentFields(p.get("k.symbol"), date(p.get("k.date")), p.get("k.type"),
                    p.get("k.file"));
            case EVENTS -> event(p);
            case VACANCIES -> new VacancyFields(p.get("k.grade"), p.get("k.station"),
                    blank(p.get("k.closes")) ? null : instant(p.get("k.closes"), adminZone, "The closing time"));
            case LINK, BANNERS -> new LinkFields(p.get("k.url"), p.get("k.image"), (int) Math.max(-9999, Math.min(9999, number(p.get("k.position")))),
                    blank(p.get("k.ends")) ? null : instant(p.get("k.ends"), adminZone, "The end"));
            case NEWS -> new EventReport(blank(p.get("k.event")) ? null : Long.valueOf(number(p.get("k.event"))));
            default -> KindFields.NONE;
        };
    }

    private static EventFields event(Map<String, String> p) {
        ZoneId zone;
        try {
            zone = ZoneId.of(p.getOrDefault("k.zone", "").strip());
        } catch (RuntimeException e) {
            throw new InvalidEntry("The time zone must be a name like Europe/Zurich");
        }
        return new EventFields(instant(p.get("k.start"), zone, "The start"), instant(p.get("k.end"), zone, "The end"),
                zone, p.get("k.place"), "on".equals(p.get("k.online")), p.get("k.organisers"), p.get("k.participants"));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidEntry("A document's date must look like 2021-04-16");
        }
    }

    private static Instant instant(String text, ZoneId zone, String what) {
        try {
            return LocalDateTime.parse(text == null ? "" : text.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEntry(what + " must look like 2026-11-28T09:00");
        }
    }

    private static long number(String text) {
        try {
            return blank(text) ? 0 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidEntry("'" + text + "' is not a number");
        }
    }
}
