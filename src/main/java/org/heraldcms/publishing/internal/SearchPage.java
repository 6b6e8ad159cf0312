package org.heraldcms.publishing.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heraldcms.publishing.internal.Links.Link;
import org.heraldcms.publishing.internal.Links.Pager;
import org.heraldcms.search.Search;
import org.heraldcms.search.SearchHit;
import org.heraldcms.search.SearchQuery;
import org.heraldcms.search.SearchResults;
import org.heraldcms.site.Language;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionAccess;
import org.heraldcms.site.Sections;
import org.heraldcms.site.Site;
import org.springframework.stereotype.Component;

/**
 * The search page ({@code /{lang}/search?q=}) and the search API: request parameters read
 * leniently (anything malformed is ignored, never an error), results as cards with links.
 */
@Component
public class SearchPage {

    private final Search search;
    private final Sections sections;
    private final Frame frame;
    private final Theme theme;
    private final SectionAccess access;

    SearchPage(Search search, Sections sections, Frame frame, Theme theme, SectionAccess access) {
        this.search = search;
        this.sections = sections;
        this.frame = frame;
        this.theme = theme;
        this.access = access;
    }

    /** A result as the page and the API show it; {@code snippet} is escaped HTML with {@code <mark>}s. */
    public record Result(String title, String url, String date, String isoDate, String section, String snippet) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** What the visitor asked, read leniently from the request's parameters. */
    public record Request(String text, int page, Long sectionId, Integer year, boolean byDate) {

        public static Request of(String q, String page, String section, String year, String sort) {
            return new Request(q == null ? "" : q, parse(page, 1, SearchQuery.MAX_PAGE).orElse(1L).intValue(),
                    parse(section, 1, Long.MAX_VALUE).orElse(null), parse(year, 1, 9999).map(Long::intValue).orElse(null),
                    "date".equals(sort));
        }

        private static Optional<Long> parse(String value, long min, long max) {
            try {
                long n = Long.parseLong(value == null ? "" : value.strip());
                return n < min || n > max ? Optional.empty() : Optional.of(n);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    public SearchResults results(Language language, Request request) {
        Long section = request.sectionId() != null && sections.byId(request.sectionId())
                .flatMap(s -> s.in(language.tag())).isPresent() ? request.sectionId() : null;
        return search.search(new SearchQuery(language.tag(), request.text(), request.page(), section, request.year(),
                request.byDate()));
    }

    public List<Result> cards(Site site, SearchResults results) {
        List<Result> cards = new ArrayList<>();
        for (SearchHit hit : results.hits()) {
            sections.byId(hit.sectionId()).filter(s -> s.in(hit.language()).isPresent()).ifPresent(s -> cards.add(
                    new Result(hit.title(), s.entryPath(hit.language(), hit.slug()),
                            Frame.shown(hit.publishedAt(), site.timeZone()), Frame.iso(hit.publishedAt(), site.timeZone()),
                            s.in(hit.language()).orElseThrow().name(), hit.snippet())));
        }
        return cards;
    }

    public String render(Site site, Language language, Request request) {
        String tag = language.tag();
        SearchResults results = results(language, request);
        Request shown = new Request(results.query(), results.page(), request.sectionId(), request.year(), request.byDate());
        Map<String, String> translations = new LinkedHashMap<>();
        site.enabledLanguages().forEach(l -> translations.put(l.tag(), url(l.tag(), shown, 1)));
        Map<String, Object> model = frame.model(site, language, url(tag, shown, results.page()), translations, null);
        model.put("searchQuery", results.query());
        model.put("searched", !results.query().isEmpty());
        model.put("results", cards(site, results));
        model.put("total", results.total());
        model.put("pager", new Pager(results.page(), results.totalPages(),
                results.page() > 1 ? url(tag, shown, results.page() - 1) : null,
                results.page() < results.totalPages() ? url(tag, shown, results.page() + 1) : null));
        model.put("sectionOptions", sections.all().stream().filter(s -> s.in(tag).isPresent() && access.canSee(s.id()))
                .map(s -> new Option(String.valueOf(s.id()), s.in(tag).orElseThrow().name(),
                        Long.valueOf(s.id()).equals(request.sectionId()))).toList());
        model.put("yearOptions", results.years().stream()
                .map(y -> new Option(String.valueOf(y), String.valueOf(y), y.equals(request.year()))).toList());
        model.put("byDate", request.byDate());
        model.put("suggestion", results.suggestion() == null ? null : new Link(results.suggestion(),
                url(tag, new Request(results.suggestion(), 1, request.sectionId(), request.year(), request.byDate()), 1)));
        return theme.render("search", model, language.locale());
    }

    /** The address of a results page, every parameter URL-encoded. */
    public static String url(String language, Request r, int page) {
        StringBuilder url = new StringBuilder("/").append(language).append("/search?q=")
                .append(URLEncoder.encode(r.text(), StandardCharsets.UTF_8));
        if (r.sectionId() != null) {
            url.append("&section=").append(r.sectionId());
        }
        if (r.year() != null) {
            url.append("&year=").append(r.year());
        }
        if (r.byDate()) {
            url.append("&sort=date");
        }
        if (page > 1) {
            url.append("&page=").append(page);
        }
        return url.toString();
    }
}
