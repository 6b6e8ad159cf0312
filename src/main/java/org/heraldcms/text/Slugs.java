package org.heraldcms.text;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/**
 * Readable Latin slugs from titles in any script: Russian by the BGN/PCGN romanisation,
 * Chinese as pinyin, everything else through ICU's Any-Latin, then folded to ASCII.
 */
public final class Slugs {

    /** A stored slug: lowercase ASCII words joined by single hyphens. */
    public static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    public static final int MAX_LENGTH = 80;

    private static final Transliterator TO_LATIN = Transliterator.getInstance(
            "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower");
    private static final Transliterator HAN_TO_LATIN = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
    /** Pinyin of each Han character met so far: ICU's Han-Latin costs ~30 µs a character, a lookup nothing. */
    private static final Map<Integer, String> PINYIN = new ConcurrentHashMap<>();
    private static final Pattern DROPPED = Pattern.compile("['\"`\u2019\u02B9\u02BA]");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** The slug for a title; empty when the title has no letter or digit to keep. */
    public static String of(String title) {
        if (title == null || title.isBlank()) {
            return "";
        }
        String latin = title;
        if (!isAscii(latin)) {
            latin = withPinyin(latin);
        }
        if (isAscii(latin)) {
            latin = latin.toLowerCase(Locale.ROOT);
        } else {
            synchronized (TO_LATIN) { // ICU transliterators are not safe to share between threads
                latin = TO_LATIN.transliterate(latin);
            }
        }
        latin = DROPPED.matcher(latin).replaceAll("");
        String slug = SEPARATORS.matcher(latin).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = trimHyphens(slug.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH));
        }
        return slug;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= 200 && VALID.matcher(slug).matches();
    }

    /** Han characters replaced by their pinyin, one syllable a character, as separate words. */
    private static String withPinyin(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                if (out == null) {
                    out = new StringBuilder(text.length() * 4).append(text, 0, i);
                }
                out.append(' ').append(PINYIN.computeIfAbsent(c, Slugs::pinyin)).append(' ');
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out == null ? text : out.toString();
    }

    private static String pinyin(int hanCharacter) {
        synchronized (HAN_TO_LATIN) {
            return HAN_TO_LATIN.transliterate(new String(Character.toChars(hanCharacter)));
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
