package org.heraldcms.kinds;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.heraldcms.content.InvalidEntry;

/**
 * An official document: its symbol ({@code A/RES/75/69}), date, type, and the stored name of its
 * file in the entry's language (a media item; empty while there is none).
 */
public record DocumentFields(String symbol, LocalDate date, String type, String mediaName) implements KindFields {

    public static final List<String> TYPES = List.of("resolution", "decision", "declaration", "report", "note",
            "letter", "statement", "other");
    public static final int MAX_SYMBOL = 120;
    /** Segments of letters and digits, inner dots and hyphens, joined by slashes: no "..", no "%", no spaces. */
    private static final Pattern SYMBOL = Pattern.compile(
            "[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*(?:/[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*)*");

    public DocumentFields {
        symbol = symbol == null ? "" : symbol.strip();
        if (!isSymbol(symbol)) {
            throw new InvalidEntry("A document symbol is letters and digits in parts joined by '/' (inner '.' and '-'"
                    + " allowed), like A/RES/75/69, at most " + MAX_SYMBOL + " characters");
        }
        if (date == null) {
            throw new InvalidEntry("A document needs its date");
        }
        if (!TYPES.contains(type)) {
            throw new InvalidEntry("A document's type is one of " + String.join(", ", TYPES));
        }
        mediaName = mediaName == null ? "" : mediaName.strip();
    }

    public static boolean isSymbol(String text) {
        return text != null && text.length() <= MAX_SYMBOL && SYMBOL.matcher(text).matches();
    }

    /** The name a downloaded file gets: {@code A_RES_75_69-en.pdf}. */
    public String fileName(String language, String extension) {
        return symbol.replace('/', '_') + "-" + language + "." + extension;
    }
}
