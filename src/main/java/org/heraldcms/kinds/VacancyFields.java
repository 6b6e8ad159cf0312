package org.heraldcms.kinds;

import java.time.Instant;

import org.heraldcms.content.InvalidEntry;

/** A job opening; it leaves the public site at {@code closesAt}, or stays open until unpublished when that is null. */
public record VacancyFields(String grade, String dutyStation, Instant closesAt) implements KindFields {

    public VacancyFields {
        grade = Plain.of(grade, 100, "A grade");
        dutyStation = Plain.of(dutyStation, 200, "A duty station");
    }
}
