package org.heraldcms.search.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * A visitor's query made safe: control characters out, every kind of space a space, at most
 * {@value #MAX_LENGTH} characters and {@value #MAX_PARTS} words or phrases. Words and
 * "phrases in quotes" are all that is understood; every other Lucene operator (fields,
 * wildcards, fuzzy, ranges, regular expressions) is escaped, so no query can be slow or fail.
 */
final class UserQuery {

    static final int MAX_LENGTH = 500;
    static final int MAX_PARTS = 32;

    private UserQuery() {
    }

    /** The query as it is understood, for showing back to the visitor. */
    static String clean(String raw) {
        String text = Spaces.normalize(raw).replaceAll(" {2,}", " ").strip();
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return text;
    }

    /** The words and phrases (phrases keep their quotes), unbalanced quotes dropped. */
    static List<String> parts(String cleaned) {
        List<String> parts = new ArrayList<>();
        String[] pieces = cleaned.split("\"", -1);
        for (int i = 0; i < pieces.length; i++) {
            boolean quoted = i % 2 == 1 && i < pieces.length - 1;
            String piece = pieces[i].strip();
            if (piece.isEmpty()) {
                continue;
            }
            if (quoted) {
                parts.add("\"" + piece + "\"");
            } else {
                for (String word : piece.split(" ")) {
                    if (!word.isBlank()) {
                        parts.add(word);
                    }
                }
            }
            if (parts.size() >= MAX_PARTS) {
                return parts.subList(0, MAX_PARTS);
            }
        }
        return parts;
    }

    /** The Lucene query over a language's fields (titles weigh more), or null when nothing searchable is left. */
    static Query parse(String cleaned, String language, Analyzer analyzer) {
        List<String> safe = new ArrayList<>();
        for (String part : parts(cleaned)) {
            safe.add(part.startsWith("\"") ? "\"" + QueryParser.escape(part.substring(1, part.length() - 1)) + "\""
                    : QueryParser.escape(part));
        }
        if (safe.isEmpty()) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        Map<String, Float> boosts = new HashMap<>();
        for (String kind : Analyzers.kinds(language)) {
            fields.add(EntryDocuments.TITLE + "." + kind);
            boosts.put(EntryDocuments.TITLE + "." + kind, 3f);
            fields.add(EntryDocuments.TEXT + "." + kind);
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(fields.toArray(String[]::new), analyzer, boosts);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(true);
        try {
            return parser.parse(String.join(" ", safe));
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }
}
