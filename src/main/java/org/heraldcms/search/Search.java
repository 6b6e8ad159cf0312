package org.heraldcms.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.heraldcms.content.Entry;
import org.heraldcms.search.internal.Searching;
import org.heraldcms.search.internal.SearchIndex;
import org.springframework.stereotype.Service;

/**
 * Full-text search over the published entries of one language, related entries, and the
 * index's upkeep. Only entries with status published and published_at in the past are ever
 * found; the index itself is derived from the database and rebuilt from it when needed.
 */
@Service
public class Search {

    private final SearchIndex index;
    private final Searching searching;

    Search(SearchIndex index, Searching searching) {
        this.index = index;
        this.searching = searching;
    }

    public SearchResults search(SearchQuery query) {
        return searching.search(query, Instant.now());
    }

    /** The published entries most like this one, in its language, itself excluded. */
    public List<SearchHit> related(Entry entry, int limit) {
        return searching.related(entry, limit, Instant.now());
    }

    /** Empties the index and fills it again from the database; returns the number of entries indexed. */
    public long rebuild(RebuildProgress progress) {
        return index.rebuild(progress);
    }

    /** Repairs every difference between the index and the database; returns how many entries it touched. */
    public int reconcile() {
        return index.reconcile();
    }

    /** Entry id → last save (epoch milliseconds) of every entry the index holds. */
    public Map<Long, Long> indexedVersions() {
        return index.indexedVersions();
    }
}
