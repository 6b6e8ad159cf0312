package org.heraldcms.publishing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.content.Redirects;
import org.heraldcms.identity.Member;
import org.heraldcms.identity.Members;
import org.heraldcms.publishing.internal.LanguageNegotiation;
import org.heraldcms.publishing.internal.Pages;
import org.heraldcms.publishing.internal.RedirectTargets;
import org.heraldcms.site.Language;
import org.heraldcms.site.SectionAccess;
import org.heraldcms.site.Site;
import org.heraldcms.site.SiteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error the servlet container reports lands here. A missing page may be an old
 * address with a redirect; otherwise the visitor gets the theme's error page in their
 * language, and never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final SiteSettings settings;
    private final Redirects redirects;
    private final Pages pages;
    private final RedirectTargets targets;

    ErrorPages(SiteSettings settings, Redirects redirects, Pages pages, RedirectTargets targets) {
        this.settings = settings;
        this.redirects = redirects;
        this.pages = pages;
        this.targets = targets;
    }

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        int status = status(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status == 404 && uri != null) {
            Optional<String> target = redirectFor(uri, (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING));
            // the member filter's scope has closed by now: the member it found is still on the request
            Long group = request.getAttribute(Members.SESSION_ATTRIBUTE) instanceof Member m ? m.groupId() : null;
            if (target.isPresent() && SectionAccess.as(group, () -> targets.mayFollow(target.get()))) {
                return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(target.get())).build();
            }
        }
        if (status >= 500) {
            log.error("{} on {}", status, uri, (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        Optional<Site> site = settings.site();
        if (site.isEmpty()) {
            return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body("Error " + status);
        }
        Language language = languageOf(uri, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), site.get());
        return ResponseEntity.status(status).contentType(HTML)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .body(pages.error(site.get(), language, status));
    }

    private Optional<String> redirectFor(String uri, String query) {
        if (uri.length() > 2000) {
            return Optional.empty();
        }
        if (query != null && !query.isEmpty()) {
            Optional<String> withQuery = redirects.target(uri + "?" + query);
            if (withQuery.isPresent()) {
                return withQuery;
            }
        }
        return redirects.target(uri);
    }

    private static Language languageOf(String uri, String acceptLanguage, Site site) {
        if (uri != null && uri.length() > 1) {
            int end = uri.indexOf('/', 1);
            String first = end < 0 ? uri.substring(1) : uri.substring(1, end);
            Optional<Language> fromPath = site.language(first);
            if (fromPath.isPresent()) {
                return fromPath.get();
            }
        }
        return LanguageNegotiation.pick(acceptLanguage, site);
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer i && i >= 400 && i <= 599 ? i : 500;
    }
}
