package org.heraldcms.site;

import java.util.Locale;

public enum SectionKind {
    NEWS, PAGE, DOCUMENTS, EVENTS, GALLERY, LINK, VACANCIES, BANNERS,
    /** A feedback form (issue 9): what visitors send goes to the admin inbox. */
    FEEDBACK,
    /** A guestbook (issue 9): a form whose messages are shown publicly once approved. */
    GUESTBOOK;

    /** Whether this section is a form rather than a list of entries. */
    public boolean isForm() {
        return this == FEEDBACK || this == GUESTBOOK;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SectionKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
