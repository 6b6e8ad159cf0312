package org.heraldcms.admin.internal;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.forms.FieldType;
import org.heraldcms.forms.Forms;
import org.heraldcms.forms.Inbox;
import org.heraldcms.forms.Submission;
import org.heraldcms.identity.AuditLog;
import org.heraldcms.site.Section;
import org.heraldcms.site.SiteSettings;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Feedback and guestbook forms (admins and editors): the fields of each form section, its inbox
 * (read/unread, reply by e-mail, delete, CSV export) and guestbook moderation.
 */
@Controller
class FormsPage {

    private static final int PAGE_SIZE = 50;

    private final AdminView view;
    private final Forms forms;
    private final Inbox inbox;
    private final SiteSettings site;
    private final AuditLog audit;

    FormsPage(AdminView view, Forms forms, Inbox inbox, SiteSettings site, AuditLog audit) {
        this.view = view;
        this.forms = forms;
        this.inbox = inbox;
        this.site = site;
        this.audit = audit;
    }

    record FormRow(Section section, String name, long unread, long total) {
    }

    @GetMapping("/admin/forms")
    ResponseEntity<String> list(HttpServletRequest request) {
        List<FormRow> rows = forms.formSections().stream().map(s -> new FormRow(s, name(s), inbox.unread(s.id()),
                inbox.count(s.id()))).toList();
        return view.page("forms", Map.of("forms", rows), request);
    }

    @GetMapping("/admin/forms/{sectionId}")
    ResponseEntity<String> form(@PathVariable long sectionId, @RequestParam(defaultValue = "1") int page,
                                HttpServletRequest request) {
        Section section = forms.formSection(sectionId);
        var submissions = inbox.page(sectionId, Math.max(1, page), PAGE_SIZE);
        return view.page("form", Map.of("section", section, "name", name(section), "fields", forms.fields(sectionId),
                "submissions", submissions.items(), "page", submissions, "languages", site.current().languages(),
                "types", FieldType.values(), "guestbook", section.kind() == org.heraldcms.site.SectionKind.GUESTBOOK),
                request);
    }

    @PostMapping("/admin/forms/{sectionId}/fields")
    ResponseEntity<String> addField(@PathVariable long sectionId, @RequestParam Map<String, String> params,
                                    Principal principal, HttpServletRequest request) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> options = new LinkedHashMap<>();
        site.current().languages().forEach(l -> {
            labels.put(l.tag(), params.getOrDefault("label_" + l.tag(), ""));
            options.put(l.tag(), params.getOrDefault("options_" + l.tag(), ""));
        });
        var field = forms.addField(sectionId, FieldType.of(params.getOrDefault("type", "text")),
                params.containsKey("required"), Integer.parseInt(params.getOrDefault("position", "0").strip()), labels,
                options);
        return done(principal, request, "form-field-add", sectionId + " " + field.id(), "/admin/forms/" + sectionId);
    }

    @PostMapping("/admin/forms/{sectionId}/fields/{fieldId}/delete")
    ResponseEntity<String> deleteField(@PathVariable long sectionId, @PathVariable long fieldId, Principal principal,
                                       HttpServletRequest request) {
        forms.formSection(sectionId);
        forms.deleteField(fieldId);
        return done(principal, request, "form-field-delete", sectionId + " " + fieldId, "/admin/forms/" + sectionId);
    }

    @GetMapping("/admin/forms/{sectionId}/export.csv")
    ResponseEntity<byte[]> export(@PathVariable long sectionId, Principal principal, HttpServletRequest request) {
        Section section = forms.formSection(sectionId);
        StringWriter out = new StringWriter();
        out.write('\uFEFF'); // so spreadsheet programs read the file as UTF-8
        inbox.csv(sectionId, out);
        audit.record(view.me(principal).username(), "form-export", String.valueOf(sectionId), request.getRemoteAddr());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("form-" + section.id() + ".csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/admin/forms/submissions/{id}")
    ResponseEntity<String> submission(@PathVariable long id, HttpServletRequest request) {
        Submission s = inbox.find(id).orElseThrow(() -> new IllegalArgumentException("There is no submission " + id));
        if (!s.read()) {
            inbox.markRead(id, true);
        }
        Section section = forms.formSection(s.sectionId());
        return view.page("submission", Map.of("s", s, "section", section, "name", name(section)), request);
    }

    @PostMapping("/admin/forms/submissions/{id}/unread")
    ResponseEntity<String> unread(@PathVariable long id, Principal principal, HttpServletRequest request) {
        Submission s = existing(id);
        inbox.markRead(id, false);
        return done(principal, request, "form-unread", String.valueOf(id), "/admin/forms/" + s.sectionId());
    }

    @PostMapping("/admin/forms/submissions/{id}/reply")
    ResponseEntity<String> reply(@PathVariable long id, @RequestParam String text, Principal principal,
                                 HttpServletRequest request) {
        Submission s = existing(id);
        Section section = forms.formSection(s.sectionId());
        String subject = "Re: " + name(section) + " — " + site.current().defaultLanguage().siteName();
        inbox.reply(id, subject, text);
        return done(principal, request, "form-reply", String.valueOf(id), "/admin/forms/submissions/" + id);
    }

    @PostMapping("/admin/forms/submissions/{id}/moderate")
    ResponseEntity<String> moderate(@PathVariable long id, @RequestParam String decision, Principal principal,
                                    HttpServletRequest request) {
        Submission s = existing(id);
        inbox.moderate(id, decision);
        return done(principal, request, "guestbook-" + decision, String.valueOf(id), "/admin/forms/" + s.sectionId());
    }

    @PostMapping("/admin/forms/submissions/{id}/delete")
    ResponseEntity<String> delete(@PathVariable long id, Principal principal, HttpServletRequest request) {
        Submission s = existing(id);
        inbox.delete(id);
        return done(principal, request, "form-delete", String.valueOf(id), "/admin/forms/" + s.sectionId());
    }

    private Submission existing(long id) {
        return inbox.find(id).orElseThrow(() -> new IllegalArgumentException("There is no submission " + id));
    }

    private String name(Section section) {
        String language = site.current().defaultLanguage().tag();
        return section.in(language).or(() -> section.names().values().stream().findFirst())
                .map(n -> n.name()).orElse("#" + section.id());
    }

    private ResponseEntity<String> done(Principal principal, HttpServletRequest request, String action, String detail,
                                        String back) {
        audit.record(view.me(principal).username(), action, detail, request.getRemoteAddr());
        return EntryEditor.seeOther(back);
    }
}
