package org.heraldcms.admin.internal;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.identity.AuditLog;
import org.heraldcms.site.SiteEditor;
import org.heraldcms.site.SiteSettings;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Site settings (admins only): time zone, and per language the site's name, tagline, footer, SEO default, on/off. */
@Controller
class SettingsPage {

    private final AdminView view;
    private final SiteSettings site;
    private final SiteEditor editor;
    private final AuditLog audit;

    SettingsPage(AdminView view, SiteSettings site, SiteEditor editor, AuditLog audit) {
        this.view = view;
        this.site = site;
        this.editor = editor;
        this.audit = audit;
    }

    @GetMapping("/admin/settings")
    ResponseEntity<String> show(HttpServletRequest request) {
        return view.page("settings", Map.of("zone", site.current().timeZone().getId(),
                "languages", site.current().languages()), request);
    }

    @PostMapping("/admin/settings/zone")
    ResponseEntity<String> zone(@RequestParam String zone, Principal principal, HttpServletRequest request) {
        editor.timeZone(zone);
        audit.record(view.me(principal).username(), "settings-zone", zone, request.getRemoteAddr());
        return EntryEditor.seeOther("/admin/settings");
    }

    @PostMapping("/admin/settings/languages/{tag}")
    ResponseEntity<String> language(@PathVariable String tag, @RequestParam String siteName,
                                    @RequestParam(defaultValue = "") String tagline,
                                    @RequestParam(defaultValue = "") String footer,
                                    @RequestParam(defaultValue = "") String seoDescription,
                                    @RequestParam(defaultValue = "false") boolean enabled, Principal principal,
                                    HttpServletRequest request) {
        editor.language(tag, siteName, tagline, footer, seoDescription, enabled);
        audit.record(view.me(principal).username(), "settings-language", tag + (enabled ? " on" : " off"),
                request.getRemoteAddr());
        return EntryEditor.seeOther("/admin/settings");
    }
}
