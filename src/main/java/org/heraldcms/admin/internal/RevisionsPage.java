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
import org.heraldcms.kinds.KindEntries;
import org.heraldcms.kinds.KindRevisions;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
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
    private final KindEntries kinds;
    private final KindRevisions kindRevisions;
    private final Sections sections;

    RevisionsPage(AdminView view, Entries entries, KindEntries kinds, KindRevisions kindRevisions, Sections sections,
                  AuditLog audit) {
        this.view = view;
        this.kinds = kinds;
        this.kindRevisions = kindRevisions;
        this.sections = sections;
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
        model.put("lines", RevisionDiff.diff(lines(id, number(revisions, a)), lines(id, number(revisions, b))));
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
        SectionKind kind = sections.byId(old.sectionId()).map(s -> s.kind()).orElse(SectionKind.NEWS);
        kinds.save(new EntryDraft(id, null, entry.language(), old.sectionId(), old.title(), old.slug(), old.summary(),
                        old.body(), old.author(), old.source(), entry.publishedAt(), entry.status(), entry.featured(),
                        old.tags(), old.seoTitle(), old.seoDescription()), entries.revisionMedia(id, number),
                kindRevisions.at(id, number, kind), me.username());
        audit.record(me.username(), "entry-restore", id + " revision " + number, request.getRemoteAddr());
        return EntryEditor.seeOther("/admin/entries/" + id + "/revisions");
    }

    /** A revision's lines for the diff: its own, then its kind fields (a vacancy's closing time...). */
    private List<String> lines(long entryId, Revision revision) {
        List<String> lines = new java.util.ArrayList<>(RevisionDiff.lines(revision));
        lines.addAll(kindRevisions.describe(entryId, revision.number()));
        return lines;
    }

    private static Revision number(List<Revision> revisions, int n) {
        return revisions.stream().filter(r -> r.number() == n).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no revision " + n));
    }
}
