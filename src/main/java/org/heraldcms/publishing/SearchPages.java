package org.heraldcms.publishing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.heraldcms.publishing.internal.Frame;
import org.heraldcms.publishing.internal.SearchPage;
import org.heraldcms.publishing.internal.SearchPage.Request;
import org.heraldcms.search.SearchResults;
import org.heraldcms.site.Language;
import org.heraldcms.site.Site;
import org.heraldcms.site.SiteSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * Search: the page {@code /{lang}/search?q=&section=&year=&sort=date&page=} and the same results
 * as JSON at {@code /api/v1/search?lang=&q=&page=}. Whatever the parameters hold, the answer is
 * a normal page (malformed filters are ignored, the query is cleaned and escaped).
 */
@Controller
class SearchPages {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final SiteSettings settings;
    private final SearchPage searchPage;
    private final Frame frame;

    SearchPages(SiteSettings settings, SearchPage searchPage, Frame frame) {
        this.settings = settings;
        this.searchPage = searchPage;
        this.frame = frame;
    }

    @GetMapping("/" + PublicSite.LANGUAGE + "/search")
    ResponseEntity<String> page(@PathVariable String lang, @RequestParam(required = false) String q,
                                @RequestParam(required = false) String page, @RequestParam(required = false) String section,
                                @RequestParam(required = false) String year, @RequestParam(required = false) String sort) {
        Site site = settings.current();
        Language language = site.language(lang).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(HTML)
                .body(searchPage.render(site, language, Request.of(q, page, section, year, sort)));
    }

    /** The API's answer: {@code results[].snippet} is escaped HTML with {@code <mark>} around matched words. */
    record Answer(String language, String query, long total, int page, int totalPages, String suggestion,
                  List<Hit> results) {
    }

    record Hit(String title, String url, String date, String section, String snippet) {
    }

    record Problem(String error) {
    }

    @GetMapping(value = "/api/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> api(@RequestParam(required = false) String lang, @RequestParam(required = false) String q,
                          @RequestParam(required = false) String page, @RequestParam(required = false) String section,
                          @RequestParam(required = false) String year, @RequestParam(required = false) String sort) {
        Site site = settings.current();
        Language language = lang == null || lang.isBlank() ? site.defaultLanguage() : site.language(lang).orElse(null);
        if (language == null) {
            return ResponseEntity.badRequest().body(new Problem("The site has no language '" + lang.strip() + "'"));
        }
        SearchResults results = searchPage.results(language, Request.of(q, page, section, year, sort));
        List<Hit> hits = searchPage.cards(site, results).stream()
                .map(r -> new Hit(r.title(), frame.absolute(r.url()), r.isoDate(), r.section(), r.snippet())).toList();
        return ResponseEntity.ok(new Answer(language.tag(), results.query(), results.total(), results.page(),
                results.totalPages(), results.suggestion(), hits));
    }
}
