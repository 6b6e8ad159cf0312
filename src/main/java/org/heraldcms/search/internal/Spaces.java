package org.heraldcms.search.internal;

import java.io.Reader;

import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * No-break spaces, the other Unicode spaces, line and paragraph separators and the invisible
 * word joiners all separate words exactly as an ordinary space does (a captured page writes
 * "at&nbsp;the UN"; a visitor types "at the UN").
 */
final class Spaces {

    private static final NormalizeCharMap MAP;

    static {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        for (char c = 1; c < Character.MAX_VALUE; c++) {
            if (c != ' ' && isSpace(c)) {
                map.add(String.valueOf(c), " ");
            }
        }
        MAP = map.build();
    }

    private Spaces() {
    }

    static boolean isSpace(int c) {
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || c == '\u200B' || c == '\u2060' || c == '\uFEFF'
                || c == '\u180E';
    }

    static Reader filter(Reader reader) {
        return new MappingCharFilter(MAP, reader);
    }

    /** The text with every kind of space an ordinary one and every other control character gone. */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (isSpace(c) || c == '\t' || c == '\n' || c == '\r') {
                out.append(' ');
            } else if (!Character.isISOControl(c) && Character.getType(c) != Character.SURROGATE) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
