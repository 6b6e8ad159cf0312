package org.heraldcms.search.internal;

import java.io.IOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.heraldcms.text.Html;

/**
 * The passage of a hit that matched, as HTML: all of the entry's text escaped, only the
 * {@code <mark>} tags around matched words added.
 */
final class Snippets {

    private static final int FRAGMENT = 160;
    private static final int FALLBACK = 240;

    private Snippets() {
    }

    static String of(Query query, String language, String text, Analyzer analyzer) {
        for (String kind : Analyzers.kinds(language)) {
            String field = EntryDocuments.TEXT + "." + kind;
            Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"),
                    new SimpleHTMLEncoder(), new QueryScorer(query, field));
            highlighter.setTextFragmenter(new SimpleFragmenter(FRAGMENT));
            try {
                String best = highlighter.getBestFragments(analyzer.tokenStream(field, text), text, 2, " … ");
                if (best != null && !best.isBlank()) {
                    return best.strip();
                }
            } catch (IOException | InvalidTokenOffsetsException e) {
                // fall through to the opening of the text
            }
        }
        return opening(text);
    }

    static String opening(String text) {
        if (text.length() <= FALLBACK) {
            return Html.escape(text);
        }
        int end = text.lastIndexOf(' ', FALLBACK);
        return Html.escape(text.substring(0, end > FALLBACK / 2 ? end : FALLBACK)) + " …";
    }
}
