package org.heraldcms.search.internal;

import java.io.Reader;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * How each language's text becomes terms. A field's name says its analysis after the dot:
 * {@code title.en} (English stemming), {@code body.ru} (Russian stemming), {@code body.zh}
 * (SmartCN word segmentation), {@code body.cjk} (CJK bigrams, so 合作 finds 合作关系),
 * {@code body.std} (any other language: words, lower case, accents folded) and
 * {@code words.<language>} (unstemmed words, the dictionary for "did you mean").
 * Every analysis first turns no-break and other Unicode spaces into ordinary spaces.
 */
public final class Analyzers {

    private Analyzers() {
    }

    /** The analyses a language's entries are indexed and searched with. */
    public static List<String> kinds(String language) {
        return switch (Locale.forLanguageTag(language).getLanguage()) {
            case "en" -> List.of("en");
            case "ru" -> List.of("ru");
            case "zh" -> List.of("zh", "cjk");
            case "ja", "ko" -> List.of("cjk");
            default -> List.of("std");
        };
    }

    public static String wordsField(String language) {
        return "words." + language;
    }

    /** One analyzer for the whole index, choosing by field name. */
    public static Analyzer perField() {
        Analyzer en = new English();
        Analyzer ru = new Russian();
        Analyzer zh = new Chinese();
        Analyzer cjk = new Bigrams();
        Analyzer std = new Plain();
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String field) {
                if (field.startsWith("words.")) {
                    return kinds(field.substring(6)).contains("zh") ? zh : std;
                }
                return switch (field.substring(field.indexOf('.') + 1)) {
                    case "en" -> en;
                    case "ru" -> ru;
                    case "zh" -> zh;
                    case "cjk" -> cjk;
                    default -> std;
                };
            }
        };
    }

    /** Every analysis reads its text through {@link Spaces}. */
    private abstract static class Spaced extends Analyzer {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return Spaces.filter(reader);
        }

        @Override
        protected Reader initReaderForNormalization(String fieldName, Reader reader) {
            return Spaces.filter(reader);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    private static final class English extends Spaced {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(source, new PorterStemFilter(result));
        }
    }

    private static final class Russian extends Spaced {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new LowerCaseFilter(source);
            result = new StopFilter(result, RussianAnalyzer.getDefaultStopSet());
            return new TokenStreamComponents(source, new SnowballFilter(result, new RussianStemmer()));
        }
    }

    private static final class Chinese extends Spaced {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new HMMChineseTokenizer();
            TokenStream result = new LowerCaseFilter(source);
            return new TokenStreamComponents(source, new StopFilter(result, SmartChineseAnalyzer.getDefaultStopSet()));
        }
    }

    private static final class Bigrams extends Spaced {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new CJKWidthFilter(source);
            result = new LowerCaseFilter(result);
            return new TokenStreamComponents(source, new CJKBigramFilter(result));
        }
    }

    private static final class Plain extends Spaced {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new LowerCaseFilter(source);
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(result));
        }
    }
}
