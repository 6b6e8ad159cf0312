package org.heraldcms.kinds;

/** A news entry's link to the event it reports on (the event's translation group), or none when null. */
public record EventReport(Long eventGroupId) implements KindFields {
}
