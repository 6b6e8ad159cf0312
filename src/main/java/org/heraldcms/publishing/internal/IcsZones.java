package org.heraldcms.publishing.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;

import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/**
 * A zone's VTIMEZONE as calendar programs need it: today's rules only, from the JDK's zone data
 * (one STANDARD observance for a zone without daylight saving, else a yearly STANDARD and
 * DAYLIGHT with RRULEs). ical4j's own definitions carry every change since the 1880s, which its
 * own parser reads back an hour off for some zones (Europe/Moscow).
 */
final class IcsZones {

    private IcsZones() {
    }

    static VTimeZone of(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        VTimeZone tz = new VTimeZone();
        tz.add(new TzId(zone.getId()));
        if (rules.getTransitionRules().isEmpty()) {
            ZoneOffset offset = rules.getOffset(Instant.now());
            Standard standard = new Standard();
            standard.add(new DtStart<>(LocalDateTime.of(1970, 1, 1, 0, 0)));
            standard.add(new TzOffsetFrom(offset));
            standard.add(new TzOffsetTo(offset));
            tz.add(standard);
            return tz;
        }
        for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
            ZoneOffsetTransition at = rule.createTransition(1970);
            boolean daylight = rules.getStandardOffset(at.getInstant()).getTotalSeconds()
                    < at.getOffsetAfter().getTotalSeconds();
            Observance observance = daylight ? new Daylight() : new Standard();
            observance.add(new DtStart<>(at.getDateTimeBefore()));
            observance.add(new TzOffsetFrom(at.getOffsetBefore()));
            observance.add(new TzOffsetTo(at.getOffsetAfter()));
            observance.add(new RRule<>("FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue() + (rule.getDayOfWeek() == null
                    ? ";BYMONTHDAY=" + rule.getDayOfMonthIndicator()
                    : ";BYDAY=" + week(rule) + rule.getDayOfWeek().name().substring(0, 2))));
            tz.add(observance);
        }
        return tz;
    }

    /** Which such weekday of the month: 1 to 4, or -1 for the last. */
    private static String week(ZoneOffsetTransitionRule rule) {
        int day = rule.getDayOfMonthIndicator();
        Month month = rule.getMonth();
        if (day < 0 || day + 6 >= month.minLength()) {
            return "-1";
        }
        return String.valueOf((day - 1) / 7 + 1);
    }
}
