package org.heraldcms.publishing;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.heraldcms.content.Redirects;
import org.heraldcms.publishing.internal.RedirectTargets;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Old sites addressed content by query string on their home page ({@code /?p=12},
 * {@code /?page_id=3}, {@code /index.php?lang=en}). The home page itself is not a 404, so
 * such an address, when an import left a redirect for it, is answered here with a 301.
 */
@Component
class LegacyQueryRedirects extends OncePerRequestFilter {

    private final Redirects redirects;
    private final RedirectTargets targets;

    LegacyQueryRedirects(Redirects redirects, RedirectTargets targets) {
        this.redirects = redirects;
        this.targets = targets;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null || query.isEmpty() || query.length() > 1000 || !"GET".equals(request.getMethod())
                || !"/".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> target = redirects.target("/?" + request.getQueryString());
        if (target.isPresent() && targets.mayFollow(target.get())) { // in the member filter's scope
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader(HttpHeaders.LOCATION, target.get());
            return;
        }
        chain.doFilter(request, response);
    }
}
