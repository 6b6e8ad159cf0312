package org.heraldcms.kinds;

/**
 * The fields an entry has because of its section's kind, saved with the entry in one transaction
 * by {@link KindEntries}. {@link None} leaves what is stored as it is.
 */
public sealed interface KindFields permits DocumentFields, EventFields, VacancyFields, LinkFields, EventReport,
        KindFields.None {

    KindFields NONE = new None();

    record None() implements KindFields {
    }
}
