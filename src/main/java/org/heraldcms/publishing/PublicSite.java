package org.heraldcms.publishing;

import java.net.URI;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.Views;
import org.heraldcms.publishing.cache.PageCacheFilter;
import org.heraldcms.publishing.internal.ArchivePages;
import org.heraldcms.publishing.internal.ArchivePeriod;
import org.heraldcms.publishing.internal.FeedWriter;
import org.heraldcms.publishing.internal.FormView;
import org.heraldcms.publishing.internal.KindPages;
import org.heraldcms.publishing.internal.KindRoutes;
import org.heraldcms.publishing.internal.LanguageNegotiation;
import org.heraldcms.publishing.internal.Pages;
import org.heraldcms.publishing.internal.PublicPath;
import org.heraldcms.site.Language;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionAccess;
import org.heraldcms.site.Sections;
import org.heraldcms.site.Site;
import org.heraldcms.site.SiteSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public site's pages: {@code /} sends visitors to their language; under
 * {@code /{lang}/} are the home page, section lists, entries and tag pages.
 */
@Controller
class PublicSite {

    static final String LANGUAGE = "{lang:[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*}";
    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final SiteSettings settings;
    private final Sections sections;
    private final Entries entries;
    private final Pages pages;
    private final FeedWriter feeds;
    private final ArchivePages archives;
    private final Views views;
    private final SectionAccess access;
    private final FormPages forms;
    private final FormView formView;
    private KindRoutes kindRoutes;
    private KindPages kindPages;

    @org.springframework.beans.factory.annotation.Autowired
    void setKinds(KindRoutes kindRoutes, KindPages kindPages) {
        this.kindRoutes = kindRoutes;
        this.kindPages = kindPages;
    }

    PublicSite(SiteSettings settings, Sections sections, Entries entries, Pages pages, FeedWriter feeds,
               ArchivePages archives, Views views, SectionAccess access, FormPages forms, FormView formView) {
        this.access = access;
        this.forms = forms;
        this.formView = formView;
        this.settings = settings;
        this.sections = sections;
        this.entries = entries;
        this.pages = pages;
        this.views = views;
        this.feeds = feeds;
        this.archives = archives;
    }

    @GetMapping("/")
    ResponseEntity<Void> root(@RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
        Language language = LanguageNegotiation.pick(accept, settings.current());
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create("/" + language.tag() + "/"))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }

    @GetMapping("/" + LANGUAGE + "/{*rest}")
    ResponseEntity<String> page(@PathVariable String lang, @PathVariable String rest, HttpServletRequest request) {
        Site site = settings.current();
        Language language = site.language(lang).orElseThrow(PublicSite::notFound);
        if (rest.isEmpty()) {
            return moved("/" + lang + "/");
        }
        for (FeedWriter.Format format : FeedWriter.Format.values()) {
            if (rest.endsWith("/" + format.fileName)) {
                return feed(language, rest.substring(0, rest.length() - format.fileName.length()), format);
            }
        }
        Optional<ResponseEntity<String>> kindPage = kindRoutes.route(site, language, rest);
        if (kindPage.isPresent()) {
            return kindPage.get();
        }
        PublicPath path = PublicPath.parse(rest).orElseThrow(PublicSite::notFound);
        if (path.isRoot()) {
            return html(pages.home(site, language));
        }
        if (path.first().equals("tags")) {
            return tagPage(site, language, path);
        }
        if (path.first().equals("archive")) {
            ArchivePeriod period = ArchivePeriod.parse(path).orElseThrow(PublicSite::notFound);
            return period.explicitFirstPage() ? moved(period.path(lang)) : html(archives.render(site, language, period));
        }
        if (path.trailingSlash()) {
            return sectionPage(site, language, path, request);
        }
        return entryPage(site, language, path, request);
    }

    private ResponseEntity<String> sectionPage(Site site, Language language, PublicPath path, HttpServletRequest request) {
        int number = path.pageNumber();
        Section section = sections.byPath(language.tag(), path.listPath()).orElseThrow(PublicSite::notFound);
        if (number < 1) {
            throw notFound();
        }
        if (number == 1 && !path.listPath().equals(path.joined())) {
            return moved(section.listPath(language.tag()));
        }
        if (!access.canSee(section.id())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(HTML)
                    .body(formView.membersOnly(site, language, section));
        }
        if (section.kind().isForm()) {
            return forms.show(site, language, section, number, request);
        }
        if (KindPages.LISTED.contains(section.kind())) {
            return html(kindPages.section(site, language, section, number, request.getParameter("year"),
                    request.getParameter("type")));
        }
        return html(pages.section(site, language, section, number));
    }

    private ResponseEntity<String> entryPage(Site site, Language language, PublicPath path, HttpServletRequest request) {
        Optional<Section> section = path.segments().size() < 2 ? Optional.empty()
                : sections.byPath(language.tag(), path.parentPath());
        if (section.isPresent() && section.get().kind().isForm() && path.last().equals("thanks")
                && access.canSee(section.get().id())) {
            return html(formView.thanks(site, language, section.get()));
        }
        Optional<Entry> entry = section.flatMap(s -> entries.findPublished(language.tag(), s.id(), path.last()));
        if (entry.isPresent()) {
            request.setAttribute(PageCacheFilter.ENTRY_ID, entry.get().id());
            views.count(entry.get().id(), Views.visitor(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)));
            return html(pages.entry(site, language, section.get(), entry.get()));
        }
        return sections.byPath(language.tag(), path.joined())
                .map(s -> PublicSite.<String>moved(s.listPath(language.tag())))
                .orElseThrow(PublicSite::notFound);
    }

    /** {@code /{lang}/feed.atom} for the language, {@code /{lang}/{section-path}/feed.atom} for a section. */
    private ResponseEntity<String> feed(Language language, String listPath, FeedWriter.Format format) {
        Section section = null;
        if (!listPath.equals("/")) {
            PublicPath path = PublicPath.parse(listPath).filter(p -> !p.isRoot()).orElseThrow(PublicSite::notFound);
            section = sections.byPath(language.tag(), path.joined()).filter(s -> access.canSee(s.id()))
                    .orElseThrow(PublicSite::notFound);
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.parseMediaType(format.mediaType),
                java.nio.charset.StandardCharsets.UTF_8)).body(feeds.write(language, section, format));
    }

    private ResponseEntity<String> tagPage(Site site, Language language, PublicPath path) {
        int n = path.segments().size();
        boolean paged = n == 4 && path.pageNumber() > 1;
        if (!path.trailingSlash() || !(n == 2 || paged)) {
            throw notFound();
        }
        var tag = pages.findTag(language.tag(), path.segments().get(1)).orElseThrow(PublicSite::notFound);
        return html(pages.tag(site, language, tag, paged ? path.pageNumber() : 1));
    }

    private static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok().contentType(HTML).body(body);
    }

    private static <T> ResponseEntity<T> moved(String location) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(location)).build();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
