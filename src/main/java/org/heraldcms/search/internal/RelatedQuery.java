package org.heraldcms.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.util.BytesRef;

/**
 * "More like this" for one entry: its most telling words (frequent in it, rare in the index),
 * looked for in the title and text fields of each analysis of its language. Lucene's
 * MoreLikeThis asks the index for each word's document frequency with a fresh term
 * dictionary cursor per word and field, which made it most of an entry page's cost; here one
 * cursor per segment serves every word, and both fields share one analysis of the text.
 */
final class RelatedQuery {

    private static final ClassicSimilarity IDF = new ClassicSimilarity();

    private RelatedQuery() {
    }

    static Query like(IndexReader reader, Analyzer analyzer, List<String> kinds, String text, int maxTerms) throws IOException {
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        int clauses = 0;
        for (String kind : kinds) {
            String textField = EntryDocuments.TEXT + "." + kind;
            for (String word : telling(reader, analyzer, textField, text, maxTerms)) {
                like.add(new TermQuery(new Term(textField, word)), Occur.SHOULD);
                like.add(new TermQuery(new Term(EntryDocuments.TITLE + "." + kind, word)), Occur.SHOULD);
                clauses += 2;
            }
        }
        return clauses == 0 ? null : like.build();
    }

    private static List<String> telling(IndexReader reader, Analyzer analyzer, String field, String text, int maxTerms)
            throws IOException {
        Map<String, Integer> frequencies = frequencies(analyzer, field, text);
        if (frequencies.isEmpty()) {
            return List.of();
        }
        List<BytesRef> words = frequencies.keySet().stream().map(BytesRef::new).sorted().toList();
        int[] documentFrequencies = new int[words.size()];
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum cursor = terms.iterator();
            for (int i = 0; i < words.size(); i++) {
                if (cursor.seekExact(words.get(i))) {
                    documentFrequencies[i] += cursor.docFreq();
                }
            }
        }
        int documents = reader.numDocs();
        PriorityQueue<Map.Entry<String, Float>> best = new PriorityQueue<>(Map.Entry.comparingByValue());
        for (int i = 0; i < words.size(); i++) {
            if (documentFrequencies[i] == 0) {
                continue; // not in any other entry: it cannot relate this one to anything
            }
            String word = words.get(i).utf8ToString();
            float score = frequencies.get(word) * IDF.idf(documentFrequencies[i], documents);
            best.add(Map.entry(word, score));
            if (best.size() > maxTerms) {
                best.poll();
            }
        }
        List<String> chosen = new ArrayList<>(best.size());
        best.forEach(e -> chosen.add(e.getKey()));
        return chosen;
    }

    private static Map<String, Integer> frequencies(Analyzer analyzer, String field, String text) throws IOException {
        Map<String, Integer> frequencies = new HashMap<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                frequencies.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        }
        return frequencies;
    }
}
