package org.heraldcms.publishing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A year or a month of a language's archive, from {@code /{lang}/archive/2021/},
 * {@code /{lang}/archive/2021/05/} and their {@code page/N/} pages.
 *
 * @param month 1-12, or 0 for the whole year
 * @param page  the page number; {@code explicitFirstPage} when the path said {@code page/1/}
 */
public record ArchivePeriod(int year, int month, int page, boolean explicitFirstPage) {

    /** Parses the segments after {@code archive}; empty when they name no archive page. */
    public static Optional<ArchivePeriod> parse(PublicPath path) {
        List<String> s = path.segments();
        if (!path.trailingSlash() || s.size() < 2 || !s.get(0).equals("archive")) {
            return Optional.empty();
        }
        int end = s.size();
        int page = 1;
        boolean explicit = false;
        if (end >= 4 && s.get(end - 2).equals("page")) {
            page = path.pageNumber();
            if (page < 1) {
                return Optional.empty();
            }
            explicit = page == 1;
            end -= 2;
        }
        if (end < 2 || end > 3 || !s.get(1).matches("[1-9][0-9]{3}")) {
            return Optional.empty();
        }
        int month = 0;
        if (end == 3) {
            if (!s.get(2).matches("0[1-9]|1[0-2]")) {
                return Optional.empty();
            }
            month = Integer.parseInt(s.get(2));
        }
        return Optional.of(new ArchivePeriod(Integer.parseInt(s.get(1)), month, page, explicit));
    }

    public Instant from(ZoneId zone) {
        return LocalDate.of(year, month == 0 ? 1 : month, 1).atStartOfDay(zone).toInstant();
    }

    public Instant to(ZoneId zone) {
        LocalDate start = LocalDate.of(year, month == 0 ? 1 : month, 1);
        return (month == 0 ? start.plusYears(1) : start.plusMonths(1)).atStartOfDay(zone).toInstant();
    }

    /** The path of this period's first page. */
    public String path(String language) {
        return "/" + language + "/archive/" + year + "/" + (month == 0 ? "" : String.format("%02d/", month));
    }
}
