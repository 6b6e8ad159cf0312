package org.heraldcms.identity.internal;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The role table for admin URLs. Finer rules (an author edits only their own drafts, only editors
 * publish) are checked again where the action happens.
 */
final class AdminRoutes {

    private AdminRoutes() {
    }

    static void authorize(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/admin/login", "/admin/setup", "/admin/assets/**").permitAll()
                .requestMatchers("/admin/forgot", "/admin/reset").permitAll()
                .requestMatchers("/admin/login/code").hasAuthority("SECOND_FACTOR")
                .requestMatchers("/admin/email", "/admin/two-factor", "/admin/two-factor/off",
                        "/admin/two-factor/recovery-codes")
                .hasAnyRole("ADMIN", "EDITOR", "AUTHOR", "TRANSLATOR")
                .requestMatchers("/admin/media/import").hasAnyRole("ADMIN", "EDITOR", "AUTHOR")
                .requestMatchers("/admin/users", "/admin/users/**", "/admin/audit", "/admin/sections",
                        "/admin/sections/**", "/admin/settings", "/admin/settings/**").hasRole("ADMIN")
                .requestMatchers("/admin/entries/bulk").hasAnyRole("ADMIN", "EDITOR")
                .requestMatchers("/admin/members", "/admin/members/**").hasRole("ADMIN")
                .requestMatchers("/admin/backups", "/admin/backups/**", "/admin/import", "/admin/import/**").hasRole("ADMIN")
                .requestMatchers("/actuator/metrics", "/actuator/metrics/**").hasRole("ADMIN")
                .requestMatchers("/admin/forms", "/admin/forms/**").hasAnyRole("ADMIN", "EDITOR")
                .requestMatchers("/admin/media").hasAnyRole("ADMIN", "EDITOR", "AUTHOR")
                .requestMatchers("/admin/media/*/delete").hasAnyRole("ADMIN", "EDITOR")
                .requestMatchers("/admin", "/admin/", "/admin/entries", "/admin/entries/**", "/admin/password")
                .hasAnyRole("ADMIN", "EDITOR", "AUTHOR", "TRANSLATOR")
                .anyRequest().denyAll();
    }
}
