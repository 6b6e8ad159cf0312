package org.heraldcms.forms;

import java.util.Locale;

/** What a form field asks for, and how long an answer to it may be. */
public enum FieldType {
    TEXT(200), TEXTAREA(5000), EMAIL(254), PHONE(40), SELECT(200), CHECKBOX(3);

    public final int maxLength;

    FieldType(int maxLength) {
        this.maxLength = maxLength;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FieldType of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Whether answers to this field are shown publicly under an approved guestbook message (contact details are not). */
    public boolean shownPublicly() {
        return this != EMAIL && this != PHONE;
    }
}
