package org.heraldcms.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.heraldcms.content.Entry;
import org.heraldcms.search.SearchHit;
import org.heraldcms.search.SearchQuery;
import org.heraldcms.search.SearchResults;
import org.heraldcms.site.SectionAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Runs queries on the index: ranked, filtered, paged, with snippets and suggestions; and related entries. */
@Component
public class Searching {

    private static final Logger log = LoggerFactory.getLogger(Searching.class);

    private final SearchIndex index;
    private final Suggestions suggestions;
    private final SectionAccess access;

    Searching(SearchIndex index, SectionAccess access) {
        this.index = index;
        this.access = access;
        this.suggestions = new Suggestions();
    }

    public SearchResults search(SearchQuery q, Instant now) {
        String cleaned = UserQuery.clean(q.text());
        return index.withSearcher(searcher -> {
            Query visible = visible(q.language(), now).build();
            List<Integer> years = suggestions.years(searcher, q.language(), visible);
            Query user = UserQuery.parse(cleaned, q.language(), index.analyzer());
            if (user == null) {
                return new SearchResults(cleaned, List.of(), 0, q.page(), SearchQuery.PAGE_SIZE, null, years);
            }
            BooleanQuery.Builder query = visible(q.language(), now).add(user, Occur.MUST);
            if (q.sectionId() != null) {
                query.add(new TermQuery(new Term(EntryDocuments.SECTION, q.sectionId().toString())), Occur.FILTER);
            }
            if (q.year() != null) {
                query.add(new TermQuery(new Term(EntryDocuments.YEAR, EntryDocuments.yearKey(q.language(), q.year()))),
                        Occur.FILTER);
            }
            try {
                Query built = query.build();
                int wanted = q.page() * SearchQuery.PAGE_SIZE;
                TopDocs top = q.byDate()
                        ? searcher.search(built, wanted, new Sort(new SortField(EntryDocuments.PUBLISHED_VALUE,
                                SortField.Type.LONG, true), SortField.FIELD_SCORE))
                        : searcher.search(built, wanted);
                long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value
                        : searcher.count(built);
                List<SearchHit> hits = new ArrayList<>();
                StoredFields stored = searcher.storedFields();
                ScoreDoc[] docs = top.scoreDocs;
                for (int i = (q.page() - 1) * SearchQuery.PAGE_SIZE; i < docs.length; i++) {
                    Document d = stored.document(docs[i].doc);
                    hits.add(hit(d, Snippets.of(user, q.language(), d.get(EntryDocuments.TEXT), index.analyzer())));
                }
                String suggestion = total == 0 ? suggestions.didYouMean(searcher, cleaned, q.language(), index.analyzer(), visible)
                        : null;
                return new SearchResults(cleaned, hits, total, q.page(), SearchQuery.PAGE_SIZE, suggestion, years);
            } catch (IOException | IndexSearcher.TooManyClauses e) {
                log.info("A search for '{}' could not run: {}", cleaned, e.toString());
                return new SearchResults(cleaned, List.of(), 0, q.page(), SearchQuery.PAGE_SIZE, null, years);
            }
        });
    }

    private static final int RELATED_TEXT = 1200;
    private static final int RELATED_TERMS = 12;

    public List<SearchHit> related(Entry entry, int limit, Instant now) {
        return index.withSearcher(searcher -> related(searcher, entry, limit, now));
    }

    private List<SearchHit> related(IndexSearcher searcher, Entry entry, int limit, Instant now) {
        try {
            IndexReader reader = searcher.getIndexReader();
            // The title and the opening are what an entry is about; analysing all of a long body
            // for every field and kind made this the most expensive part of an entry page.
            String body = EntryDocuments.plainText(entry);
            String text = entry.title() + "\n" + body.substring(0, Math.min(body.length(), RELATED_TEXT));
            Query like = RelatedQuery.like(reader, index.analyzer(), Analyzers.kinds(entry.language()), text, RELATED_TERMS);
            if (like == null) {
                return List.of();
            }
            Query query = visible(entry.language(), now).add(like, Occur.MUST)
                    .add(new TermQuery(EntryDocuments.idTerm(entry.id())), Occur.MUST_NOT).build();
            List<SearchHit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc doc : searcher.search(query, limit).scoreDocs) {
                hits.add(hit(stored.document(doc.doc), ""));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IndexSearcher.TooManyClauses e) {
            return List.of();
        }
    }

    /**
     * Published, already (published_at not in the future), in this language, and in a section the
     * visitor may see: results, suggestions, years and related entries all start from this.
     */
    private BooleanQuery.Builder visible(String language, Instant now) {
        BooleanQuery.Builder visible = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(EntryDocuments.LANGUAGE, language)), Occur.FILTER)
                .add(LongPoint.newRangeQuery(EntryDocuments.PUBLISHED, Long.MIN_VALUE, now.toEpochMilli()), Occur.FILTER)
                .add(LongPoint.newRangeQuery(EntryDocuments.EXPIRES, Long.MIN_VALUE, now.toEpochMilli()), Occur.MUST_NOT);
        for (Long hidden : access.hidden()) {
            visible.add(new TermQuery(new Term(EntryDocuments.SECTION, hidden.toString())), Occur.MUST_NOT);
        }
        return visible;
    }

    private static SearchHit hit(Document d, String snippet) {
        return new SearchHit(Long.parseLong(d.get(EntryDocuments.ID)), d.get(EntryDocuments.LANGUAGE),
                Long.parseLong(d.get(EntryDocuments.SECTION)), d.get(EntryDocuments.TITLE), d.get(EntryDocuments.SLUG),
                Instant.ofEpochMilli(d.getField(EntryDocuments.PUBLISHED_VALUE).numericValue().longValue()), snippet);
    }
}
