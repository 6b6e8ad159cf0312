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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;

/** "Did you mean": each unknown word replaced by the closest word of the language's published text; and the years to filter by. */
final class Suggestions {

    private final DirectSpellChecker spelling = new DirectSpellChecker();

    String didYouMean(IndexSearcher searcher, String cleaned, String language, Analyzer analyzer) throws IOException {
        String field = Analyzers.wordsField(language);
        IndexReader reader = searcher.getIndexReader();
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
            SuggestWord[] best = word.length() < 3 ? new SuggestWord[0]
                    : spelling.suggestSimilar(new Term(field, word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (best.length > 0) {
                suggested.add(best[0].string);
                changed = true;
            } else {
                suggested.add(word);
            }
        }
        return changed ? String.join(" ", suggested) : null;
    }

    /** The years with entries in this language, newest first. */
    List<Integer> years(IndexReader reader, String language) {
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
                if (e.docFreq() > 0) {
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
