package org.heraldcms.publishing;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers every response carries: the public theme needs no script and no third-party
 * resource, so the Content-Security-Policy allows none. HSTS goes with every answer that was
 * requested over HTTPS: directly, or through a proxy Tomcat trusts when
 * {@code server.forward-headers-strategy=native} (X-Forwarded-Proto from an internal-proxy address).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class SecurityHeaders extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    /** HSTS on an answer to an HTTPS request; over plain HTTP it means nothing (see README on proxies). */
    public static void transport(HttpServletRequest request, HttpServletResponse response) {
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "DENY");
        transport(request, response);
        chain.doFilter(request, new RelativeRedirects(response));
    }

    /**
     * Keeps a redirect to a path relative. Tomcat would make it absolute from the Host header for an
     * HTTP/1.0 request, and a forged Host must never become an address (SECURITY.md 4).
     */
    static final class RelativeRedirects extends HttpServletResponseWrapper {

        RelativeRedirects(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            sendRedirect(location, SC_FOUND, true);
        }

        @Override
        public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
            if (location == null || !location.startsWith("/") || location.startsWith("//") || location.startsWith("/\\")) {
                super.sendRedirect(location, status, clearBuffer);
                return;
            }
            if (clearBuffer) {
                resetBuffer();
            }
            setStatus(status);
            setHeader("Location", location);
            flushBuffer();
        }
    }
}
