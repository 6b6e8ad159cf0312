package org.heraldcms.site;

import java.util.Locale;

public enum SectionKind {
    NEWS, PAGE, DOCUMENTS, EVENTS, GALLERY, LINK, VACANCIES, BANNERS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SectionKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
