package org.heraldcms.kinds;

import org.heraldcms.content.InvalidEntry;

/** Plain text of kind fields: control characters out, trimmed, and a length limit. */
final class Plain {

    private Plain() {
    }

    static String of(String text, int max, String what) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == '\n' || !Character.isISOControl(c)).forEach(out::appendCodePoint);
        String cleaned = out.toString().strip();
        if (cleaned.codePointCount(0, cleaned.length()) > max) {
            throw new InvalidEntry(what + " is at most " + max + " characters long");
        }
        return cleaned;
    }
}
