package org.heraldcms.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;

/** "Did you mean": each unknown word replaced by the closest word of the language's published text; and the years to filter by. */
final class Suggestions {

    private final DirectSpellChecker spelling = new DirectSpellChecker();

    /**
     * @param visible what the visitor may see; a suggested word must occur in it (the terms of deleted or
     *                replaced documents stay in the index until a merge, and must never leak)
     */
    String didYouMean(IndexSearcher searcher, String cleaned, String language, Analyzer analyzer, Query visible)
            throws IOException {
        String field = Analyzers.wordsField(language);
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(field, cleaned.replace('"', ' '))) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && words.size() < UserQuery.MAX_PARTS) {
                words.add(term.toString());
            }
            tokens.end();
        }
        boolean changed = false;
        List<String> suggested = new ArrayList<>();
        for (String word : words) {
            String best = word.length() < 3 ? null : bestVisible(searcher, field, word, visible);
            if (best != null) {
                suggested.add(best);
                changed = true;
            } else {
                suggested.add(word);
            }
        }
        return changed ? String.join(" ", suggested) : null;
    }

    private String bestVisible(IndexSearcher searcher, String field, String word, Query visible) throws IOException {
        if (isVisible(searcher, new Term(field, word), visible)) {
            return null; // a known word: nothing to correct
        }
        for (SuggestWord s : spelling.suggestSimilar(new Term(field, word), 5, searcher.getIndexReader(),
                SuggestMode.SUGGEST_ALWAYS)) {
            if (isVisible(searcher, new Term(field, s.string), visible)) {
                return s.string;
            }
        }
        return null;
    }

    private static boolean isVisible(IndexSearcher searcher, Term term, Query visible) throws IOException {
        return searcher.count(new BooleanQuery.Builder().add(visible, Occur.FILTER)
                .add(new TermQuery(term), Occur.FILTER).build()) > 0;
    }

    /** The years with entries the visitor may see in this language, newest first. */
    List<Integer> years(IndexSearcher searcher, String language, Query visible) {
        IndexReader reader = searcher.getIndexReader();
        List<Integer> years = new ArrayList<>();
        try {
            Terms terms = MultiTerms.getTerms(reader, EntryDocuments.YEAR);
            if (terms == null) {
                return years;
            }
            String prefix = language + ":";
            TermsEnum e = terms.iterator();
            if (e.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
                return years;
            }
            for (BytesRef t = e.term(); t != null; t = e.next()) {
                String key = t.utf8ToString();
                if (!key.startsWith(prefix)) {
                    break;
                }
                if (isVisible(searcher, new Term(EntryDocuments.YEAR, key), visible)) {
                    years.add(Integer.parseInt(key.substring(prefix.length())));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return years;
        }
        years.sort(Comparator.reverseOrder());
        return years;
    }
}
