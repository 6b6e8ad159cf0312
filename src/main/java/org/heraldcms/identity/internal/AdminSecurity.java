package org.heraldcms.identity.internal;

import org.heraldcms.identity.AuditLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Security for {@code /admin/**} only: the public site passes no security filter and gets no session.
 * Default-deny: an admin path not listed in {@link AdminRoutes} is refused to everyone.
 */
@Configuration
@EnableWebSecurity
class AdminSecurity {

    @Bean
    SecurityFilterChain adminChain(HttpSecurity http, LoginThrottle throttle, SessionRegistry sessions, AuditLog audit)
            throws Exception {
        http.securityMatcher("/admin/**")
                .authorizeHttpRequests(AdminRoutes::authorize)
                .formLogin(form -> form.loginPage("/admin/login").loginProcessingUrl("/admin/login")
                        .successHandler(new LoginOutcomes.Success(throttle, audit))
                        .failureHandler(new LoginOutcomes.Failure(throttle, audit)).permitAll())
                .logout(out -> out.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?out")
                        .invalidateHttpSession(true).clearAuthentication(true).deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.newSession())
                        .maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/admin/login?expired"))
                .headers(h -> h.defaultsDisabled().cacheControl(c -> { }))
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
