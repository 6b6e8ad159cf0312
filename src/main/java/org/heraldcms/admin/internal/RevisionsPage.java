package org.heraldcms.admin.internal;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.Revision;
import org.heraldcms.identity.AuditLog;
import org.heraldcms.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** An entry's revisions: the diff between any two, and restoring an old one (as a new revision). */
@Controller
class RevisionsPage {

    private final AdminView view;
    private final Entries entries;
    private final AuditLog audit;

    RevisionsPage(AdminView view, Entries entries, AuditLog audit) {
        this.view = view;
        this.entries = entries;
        this.audit = audit;
    }

    @GetMapping("/admin/entries/{id}/revisions")
    ResponseEntity<String> show(@PathVariable long id, @RequestParam(required = false) Integer from,
                                @RequestParam(required = false) Integer to, HttpServletRequest request) {
        Entry entry = entries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Revision> revisions = entries.revisions(id);
        int last = revisions.get(revisions.size() - 1).number();
        int b = to == null ? last : to;
        int a = from == null ? Math.max(1, b - 1) : from;
        Map<String, Object> model = new HashMap<>();
        model.put("entry", entry);
        model.put("revisions", revisions);
        model.put("from", a);
        model.put("to", b);
        model.put("lines", RevisionDiff.between(number(revisions, a), number(revisions, b)));
        return view.page("revisions", model, request);
    }

    @PostMapping("/admin/entries/{id}/revisions/{number}/restore")
    ResponseEntity<String> restore(@PathVariable long id, @PathVariable int number, Principal principal,
                                   HttpServletRequest request) {
        User me = view.me(principal);
        Entry entry = entries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Revision> revisions = entries.revisions(id);
        EntryPermissions.checkEdit(me, revisions.get(0).savedBy(), entry.status());
        Revision old = number(revisions, number);
        entries.save(new EntryDraft(id, null, entry.language(), old.sectionId(), old.title(), old.slug(), old.summary(),
                old.body(), old.author(), old.source(), entry.publishedAt(), entry.status(), entry.featured(),
                old.tags(), old.seoTitle(), old.seoDescription()), entries.revisionMedia(id, number), me.username());
        audit.record(me.username(), "entry-restore", id + " revision " + number, request.getRemoteAddr());
        return EntryEditor.seeOther("/admin/entries/" + id + "/revisions");
    }

    private static Revision number(List<Revision> revisions, int n) {
        return revisions.stream().filter(r -> r.number() == n).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no revision " + n));
    }
}
