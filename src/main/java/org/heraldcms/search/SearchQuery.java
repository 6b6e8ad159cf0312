package org.heraldcms.search;

/**
 * What a visitor asked for, as typed: the text may be anything (it is cleaned and made safe
 * before it reaches Lucene).
 *
 * @param sectionId only entries of this section, or null
 * @param year      only entries published in this year (the site's time zone), or null
 * @param byDate    newest first instead of most relevant first
 */
public record SearchQuery(String language, String text, int page, Long sectionId, Integer year, boolean byDate) {

    public static final int PAGE_SIZE = 10;
    /** Deeper pages are not served: nobody reads them, and they cost. */
    public static final int MAX_PAGE = 100;

    public SearchQuery {
        text = text == null ? "" : text;
        page = Math.min(Math.max(page, 1), MAX_PAGE);
    }

    public static SearchQuery of(String language, String text) {
        return new SearchQuery(language, text, 1, null, null, false);
    }
}
