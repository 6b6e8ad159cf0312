package org.heraldcms.admin.internal;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.identity.AuditLog;
import org.heraldcms.site.NewSection;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionEditor;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.site.SiteSettings;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sections tree (admins only): create, name per language, order, move, delete when empty. */
@Controller
class SectionsPage {

    private final AdminView view;
    private final Sections sections;
    private final SectionEditor editor;
    private final SiteSettings site;
    private final AuditLog audit;

    SectionsPage(AdminView view, Sections sections, SectionEditor editor, SiteSettings site, AuditLog audit) {
        this.view = view;
        this.sections = sections;
        this.editor = editor;
        this.site = site;
        this.audit = audit;
    }

    @GetMapping("/admin/sections")
    ResponseEntity<String> list(HttpServletRequest request) {
        return view.page("sections", Map.of("sections", sections.all(), "languages", site.current().languages(),
                "kinds", SectionKind.values()), request);
    }

    @PostMapping("/admin/sections")
    ResponseEntity<String> create(@RequestParam Map<String, String> params, Principal principal,
                                  HttpServletRequest request) {
        Map<String, String> names = new LinkedHashMap<>();
        site.current().languages().forEach(l -> {
            String name = params.getOrDefault("name_" + l.tag(), "").strip();
            if (!name.isEmpty()) {
                names.put(l.tag(), name);
            }
        });
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Give the section a name in at least one language");
        }
        String parent = params.getOrDefault("parent", "");
        Section made = sections.create(new NewSection(parent.isBlank() ? null : Long.parseLong(parent),
                SectionKind.of(params.getOrDefault("kind", "news")), Integer.parseInt(params.getOrDefault("position", "0")),
                true, names));
        return done(principal, request, "section-create", made.id() + " " + names);
    }

    @PostMapping("/admin/sections/{id}/rename")
    ResponseEntity<String> rename(@PathVariable long id, @RequestParam String language, @RequestParam String name,
                                  Principal principal, HttpServletRequest request) {
        site.current().language(language).orElseThrow(() -> new IllegalArgumentException("No language " + language));
        editor.rename(id, language, name);
        return done(principal, request, "section-rename", id + " " + language + " " + name);
    }

    @PostMapping("/admin/sections/{id}/order")
    ResponseEntity<String> order(@PathVariable long id, @RequestParam int position, Principal principal,
                                 HttpServletRequest request) {
        editor.order(id, position);
        return done(principal, request, "section-order", id + " " + position);
    }

    @PostMapping("/admin/sections/{id}/move")
    ResponseEntity<String> move(@PathVariable long id, @RequestParam(required = false) Long parent,
                                Principal principal, HttpServletRequest request) {
        editor.move(id, parent);
        return done(principal, request, "section-move", id + " under " + parent);
    }

    @PostMapping("/admin/sections/{id}/delete")
    ResponseEntity<String> delete(@PathVariable long id, Principal principal, HttpServletRequest request) {
        editor.delete(id);
        return done(principal, request, "section-delete", String.valueOf(id));
    }

    private ResponseEntity<String> done(Principal principal, HttpServletRequest request, String action, String detail) {
        audit.record(view.me(principal).username(), action, detail, request.getRemoteAddr());
        return EntryEditor.seeOther("/admin/sections");
    }
}
