package org.heraldcms.identity.internal;

import org.heraldcms.identity.AuditLog;
import org.heraldcms.identity.TwoFactor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Security for {@code /admin/**} only: the public site passes no security filter and gets no session.
 * Default-deny: an admin path not listed in {@link AdminRoutes} is refused to everyone.
 */
@Configuration
@EnableWebSecurity
class AdminSecurity {

    // admin first: its matcher decides what is admin (metrics included); the public chain takes the rest
    @Bean
    @Order(1)
    SecurityFilterChain adminChain(HttpSecurity http, LoginThrottle throttle, SessionRegistry sessions, AuditLog audit,
                              TwoFactor twoFactor)
            throws Exception {
        // A relative Location: the sign-in redirect must not echo a forged Host header.
        LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/admin/login");
        signIn.setFavorRelativeUris(true);
        // metrics show how the site is used and run (caches, pools, export times): admins only
        http.securityMatcher("/admin/**", "/actuator/metrics", "/actuator/metrics/**")
                .exceptionHandling(e -> e.authenticationEntryPoint(signIn))
                .authorizeHttpRequests(AdminRoutes::authorize)
                .formLogin(form -> form.loginPage("/admin/login").loginProcessingUrl("/admin/login")
                        .successHandler(new LoginOutcomes.Success(throttle, audit, twoFactor))
                        .failureHandler(new LoginOutcomes.Failure(throttle, audit)).permitAll())
                .logout(out -> out.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?out")
                        .invalidateHttpSession(true).clearAuthentication(true).deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.newSession())
                        .maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/admin/login?expired"))
                .headers(h -> h.defaultsDisabled().cacheControl(c -> { }))
                .addFilterBefore(new UnreadableUploads(), CsrfFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(11);
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
