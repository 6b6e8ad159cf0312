package org.heraldcms.identity.internal;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * The public site's own chain: nothing is signed in through it and it creates no session; it only
 * refuses a POST (form submission, member sign-in and sign-out) that lacks the CSRF token. The token
 * lives in a cookie (double submit), not in a session, and is only made when a page with a form asks
 * for it; such pages are marked no-store so the page cache never hands one visitor's token to another.
 */
@Configuration
class PublicSecurity {

    static final String REFUSED = "This form was not sent from this site, or it has expired. "
            + "Go back, reload the page and send it again.";

    @Bean
    @Order(2)
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("HERALD-CSRF");
        tokens.setCookieCustomizer(c -> c.sameSite("Lax").path("/"));
        http.securityMatcher(PublicSecurity::isPublic)
                .authorizeHttpRequests(routes -> routes.anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(tokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .securityContext(c -> c.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .headers(h -> h.disable())
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    response.setStatus(403);
                    response.setContentType("text/plain;charset=UTF-8");
                    response.getOutputStream().write(REFUSED.getBytes(StandardCharsets.UTF_8));
                }));
        return http.build();
    }

    private static boolean isPublic(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !(uri.equals("/admin") || uri.startsWith("/admin/") || uri.startsWith("/actuator/metrics"));
    }
}
