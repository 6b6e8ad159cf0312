package org.heraldcms.search.internal;

import java.time.Instant;
import java.time.ZoneId;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.heraldcms.content.Entry;
import org.jsoup.Jsoup;

/** An entry as the index holds it: the fields, how each is indexed, and what is stored to show a hit. */
final class EntryDocuments {

    static final String ID = "id";
    static final String ID_VALUE = "id_value";
    static final String UPDATED = "updated";
    static final String LANGUAGE = "language";
    static final String SECTION = "section";
    static final String YEAR = "year";
    static final String PUBLISHED = "published";
    static final String PUBLISHED_VALUE = "published_value";
    static final String TITLE = "title";
    static final String SLUG = "slug";
    static final String TEXT = "text";
    static final String EXPIRES = "expires";

    private EntryDocuments() {
    }

    static Term idTerm(long id) {
        return new Term(ID, Long.toString(id));
    }

    static String yearKey(String language, int year) {
        return language + ":" + year;
    }

    static Document of(Entry e, ZoneId zone) {
        long published = e.publishedAt() == null ? 0 : e.publishedAt().toEpochMilli();
        String text = plainText(e);
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(e.id()), Field.Store.YES));
        d.add(new NumericDocValuesField(ID_VALUE, e.id()));
        d.add(new NumericDocValuesField(UPDATED, e.updatedAt().toEpochMilli()));
        d.add(new StringField(LANGUAGE, e.language(), Field.Store.YES));
        d.add(new StringField(SECTION, Long.toString(e.sectionId()), Field.Store.YES));
        d.add(new StringField(YEAR, yearKey(e.language(), Instant.ofEpochMilli(published).atZone(zone).getYear()),
                Field.Store.NO));
        d.add(new LongPoint(PUBLISHED, published));
        d.add(new NumericDocValuesField(PUBLISHED_VALUE, published));
        d.add(new StoredField(PUBLISHED_VALUE, published));
        d.add(new StoredField(TITLE, e.title()));
        d.add(new StoredField(SLUG, e.slug()));
        d.add(new StoredField(TEXT, text));
        for (String kind : Analyzers.kinds(e.language())) {
            d.add(new TextField(TITLE + "." + kind, e.title(), Field.Store.NO));
            d.add(new TextField(TEXT + "." + kind, text, Field.Store.NO));
        }
        d.add(new TextField(Analyzers.wordsField(e.language()), e.title() + "\n" + text, Field.Store.NO));
        return d;
    }

    /** A kind's words (indexed as text of the entry's language, not stored) and its expiry, if any. */
    static void addKind(Document d, Entry e, String words, Instant expiresAt) {
        if (!words.isBlank()) {
            for (String kind : Analyzers.kinds(e.language())) {
                d.add(new TextField(TEXT + "." + kind, words, Field.Store.NO));
            }
        }
        if (expiresAt != null) {
            d.add(new LongPoint(EXPIRES, expiresAt.toEpochMilli()));
        }
    }

    /** Summary and body as the visitor reads them, without markup. */
    static String plainText(Entry e) {
        String body = Jsoup.parse(e.body()).text();
        return e.summary().isBlank() ? body : e.summary() + "\n" + body;
    }
}
