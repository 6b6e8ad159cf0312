package org.heraldcms.admin.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.identity.User;
import org.heraldcms.identity.Users;
import org.heraldcms.site.SiteSettings;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin's own Pebble templates ({@code admin/templates/}), HTML-escaped by default, with
 * {@code t('key')} for the admin message bundle and the CSRF token every form carries.
 */
@Component
class AdminView {

    private final PebbleEngine engine;
    private final Users users;

    private final SiteSettings site;

    AdminView(MessageSource messages, Users users, SiteSettings site) {
        this.users = users;
        this.site = site;
        ClasspathLoader loader = new ClasspathLoader(AdminView.class.getClassLoader());
        loader.setPrefix("admin/templates");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder().loader(loader).extension(new Messages(messages, this))
                .strictVariables(false).newLineTrimming(true).build();
    }

    ResponseEntity<String> page(String template, Map<String, Object> model, HttpServletRequest request) {
        return page(HttpStatus.OK, template, model, request);
    }

    ResponseEntity<String> page(HttpStatus status, String template, Map<String, Object> model,
                                HttpServletRequest request) {
        Map<String, Object> all = new HashMap<>(model);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (csrf != null) {
            all.put("csrf", Map.of("name", csrf.getParameterName(), "token", csrf.getToken()));
        }
        Principal principal = request.getUserPrincipal();
        if (principal != null && !model.containsKey("pending")) {
            users.find(principal.getName()).ifPresent(u -> all.put("me", u));
        }
        StringWriter out = new StringWriter(8 * 1024);
        try {
            engine.getTemplate(template).evaluate(out, all, Locale.ENGLISH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(out.toString());
    }

    /** The signed-in account; a session whose account has gone is refused. */
    User me(Principal principal) {
        return users.find(principal.getName()).filter(User::enabled)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    /** An instant as the site's wall clock shows it, {@code 2026-11-27 09:00}. */
    String local(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(site.current().timeZone()));
    }

    java.time.ZoneId zone() {
        return site.current().timeZone();
    }

    private static final class Messages extends AbstractExtension {
        private final MessageSource messages;

        private final AdminView view;

        Messages(MessageSource messages, AdminView view) {
            this.messages = messages;
            this.view = view;
        }

        @Override
        public Map<String, io.pebbletemplates.pebble.extension.Filter> getFilters() {
            return Map.of("when", new io.pebbletemplates.pebble.extension.Filter() {
                @Override
                public List<String> getArgumentNames() {
                    return List.of();
                }

                @Override
                public Object apply(Object input, Map<String, Object> args, PebbleTemplate self,
                                    EvaluationContext context, int line) {
                    return input instanceof java.time.Instant at ? view.local(at) : "";
                }
            });
        }

        @Override
        public Map<String, Function> getFunctions() {
            return Map.of("t", new Function() {
                @Override
                public List<String> getArgumentNames() {
                    return null;
                }

                @Override
                public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                                      int line) {
                    Object[] values = new Object[args.size() - 1];
                    for (int i = 1; i < args.size(); i++) {
                        values[i - 1] = args.get(String.valueOf(i));
                    }
                    return messages.getMessage(String.valueOf(args.get("0")), values, context.getLocale());
                }
            });
        }
    }
}
