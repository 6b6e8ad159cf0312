package org.heraldcms.content;

import java.util.Locale;

/** The workflow: draft → review → scheduled → published → archived. */
public enum EntryStatus {
    DRAFT, REVIEW, SCHEDULED, PUBLISHED, ARCHIVED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
