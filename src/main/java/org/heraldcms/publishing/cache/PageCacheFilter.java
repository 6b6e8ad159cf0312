package org.heraldcms.publishing.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.heraldcms.content.Views;
import org.heraldcms.publishing.internal.ConditionalGet;
import org.heraldcms.publishing.SecurityHeaders;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves public pages from {@link PageCache} before anything else runs (no routing, no
 * database, no template), with a strong ETag and a gzipped body for clients that take it.
 * A miss renders as usual and is stored when the response is a plain public page.
 * A hit on an entry page counts its view here (a miss counts it in the controller). It runs first of all filters: a hit replays the
 * headers the page was rendered with (security headers included), so nothing else need run.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageCacheFilter extends OncePerRequestFilter {

    /** The request attribute under which the entry controller leaves the id of the entry it showed (and counted). */
    public static final String ENTRY_ID = PageCacheFilter.class.getName() + ".entryId";

    private static final int MAX_PAGE = 4 * 1024 * 1024;
    private static final List<String> UNCACHED_PREFIXES = List.of("/admin", "/api/", "/actuator", "/error", "/theme/", "/media/");
    private static final Set<String> STORED_TYPES = Set.of("text/html", "application/xml", "text/xml",
            "application/atom+xml", "application/rss+xml", "text/plain");
    private static final Set<String> NOT_REPLAYED = Set.of("content-length", "date", "transfer-encoding", "connection",
            "keep-alive", "content-encoding", "etag", "content-type", "vary", "strict-transport-security");

    private final PageCache cache;
    private final Views views;

    PageCacheFilter(PageCache cache, Views views) {
        this.cache = cache;
        this.views = views;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!cache.enabled() || !cacheable(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getRequestURI();
        CachedPage hit = cache.get(key);
        if (hit != null) {
            countView(request, hit.entryId()); // before the answer leaves, so a reader who saw the page was counted
            replay(hit, request, response);
            return;
        }
        long generation = cache.generation();
        ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendering);
        Long entryId = (Long) request.getAttribute(ENTRY_ID);
        if (!storable(request, rendering)) {
            rendering.copyBodyToResponse();
            return;
        }
        CachedPage page = page(rendering, entryId);
        cache.put(key, page, generation);
        rendering.resetBuffer();
        replay(page, request, response);
    }

    private void countView(HttpServletRequest request, Long entryId) {
        if (entryId != null) {
            views.count(entryId, Views.visitor(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)));
        }
    }

    private static boolean cacheable(HttpServletRequest request) {
        String method = request.getMethod();
        // A request with a session may be a signed-in member's: never answered from, nor stored in, the cache.
        if (!("GET".equals(method) || "HEAD".equals(method)) || request.getQueryString() != null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getRequestedSessionId() != null) {
            return false;
        }
        String uri = request.getRequestURI();
        return UNCACHED_PREFIXES.stream().noneMatch(uri::startsWith);
    }

    private static boolean storable(HttpServletRequest request, ContentCachingResponseWrapper rendering) {
        if (!"GET".equals(request.getMethod()) || rendering.getStatus() != 200 || rendering.getContentSize() > MAX_PAGE
                || rendering.getHeader(HttpHeaders.SET_COOKIE) != null) {
            return false;
        }
        String cacheControl = rendering.getHeader(HttpHeaders.CACHE_CONTROL);
        if (cacheControl != null && (cacheControl.contains("no-store") || cacheControl.contains("private"))) {
            return false;
        }
        String type = rendering.getContentType();
        return type != null && STORED_TYPES.contains(type.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static CachedPage page(ContentCachingResponseWrapper rendering, Long entryId) {
        byte[] identity = rendering.getContentAsByteArray();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.CONTENT_TYPE, List.of(rendering.getContentType()));
        for (String name : rendering.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                headers.put(name, new ArrayList<>(rendering.getHeaders(name)));
            }
        }
        byte[] gzip = gzip(identity);
        String etag = rendering.getHeader(HttpHeaders.ETAG);
        String lastModified = rendering.getHeader(HttpHeaders.LAST_MODIFIED);
        return new CachedPage(identity, gzip.length < identity.length ? gzip : new byte[0],
                etag != null ? etag : ConditionalGet.etag(identity),
                lastModified != null ? Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(lastModified)) : null,
                headers, entryId);
    }

    private static void replay(CachedPage page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        page.headers().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setHeader(HttpHeaders.ETAG, page.etag());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        SecurityHeaders.transport(request, response); // per request: the same page is served over HTTP and HTTPS
        if (ConditionalGet.notModified(request, page.etag(), page.lastModified())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        boolean gzip = page.gzip().length > 0 && acceptsGzip(request);
        byte[] body = gzip ? page.gzip() : page.identity();
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip") && !accept.contains("gzip;q=0");
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
