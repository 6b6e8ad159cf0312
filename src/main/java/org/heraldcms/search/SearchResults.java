package org.heraldcms.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param query      the query as it was understood (cleaned), for showing back
 * @param suggestion a query likely meant when nothing matched ("did you mean"), or null
 * @param years      the years that have published entries in this language, newest first (for the year filter)
 */
public record SearchResults(String query, List<SearchHit> hits, long total, int page, int size, String suggestion,
                            List<Integer> years) {

    public SearchResults {
        hits = List.copyOf(hits);
        years = List.copyOf(years);
    }

    public int totalPages() {
        return (int) Math.max(1, Math.min(SearchQuery.MAX_PAGE, (total + size - 1) / size));
    }
}
