package org.heraldcms.publishing;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.heraldcms.content.PublishedContent;
import org.heraldcms.publishing.internal.ConditionalGet;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Conditional GET for the public site (pages, feeds, sitemaps, robots.txt): a successful
 * answer carries an {@code ETag} made from its bytes and a {@code Last-Modified} from the
 * content's last change; a client that already holds those bytes gets 304 and no body.
 * The rules themselves live in {@link ConditionalGet}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ConditionalRequests extends OncePerRequestFilter {

    private final PublishedContent content;

    ConditionalRequests(PublishedContent content) {
        this.content = content;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !"GET".equals(request.getMethod()) || uri.startsWith("/theme/") || uri.startsWith("/actuator")
                || uri.startsWith("/error");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapped);
        if (wrapped.getStatus() != HttpServletResponse.SC_OK || response.isCommitted()) {
            wrapped.copyBodyToResponse();
            return;
        }
        String etag = ConditionalGet.etag(wrapped.getContentAsByteArray());
        Instant lastModified = content.lastChange().orElse(null);
        wrapped.setHeader(HttpHeaders.ETAG, etag);
        if (lastModified != null) {
            wrapped.setDateHeader(HttpHeaders.LAST_MODIFIED, lastModified.toEpochMilli());
        }
        if (wrapped.getHeader(HttpHeaders.CACHE_CONTROL) == null) {
            wrapped.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
        if (ConditionalGet.notModified(request, etag, lastModified)) {
            wrapped.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return; // the cached body is dropped: a 304 has none
        }
        wrapped.copyBodyToResponse();
    }
}
