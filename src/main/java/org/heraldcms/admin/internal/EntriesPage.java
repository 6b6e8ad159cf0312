package org.heraldcms.admin.internal;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryListing;
import org.heraldcms.content.EntryQuery;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.content.Trash;
import org.heraldcms.identity.AuditLog;
import org.heraldcms.identity.User;
import org.heraldcms.site.Sections;
import org.heraldcms.site.SiteSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The entry list with filters, allow-listed sorting, paging; bulk publish, archive, trash and restore for editors. */
@Controller
class EntriesPage {

    static final Map<String, EntryStatus> BULK = Map.of("publish", EntryStatus.PUBLISHED, "archive", EntryStatus.ARCHIVED,
            "draft", EntryStatus.DRAFT);

    private final AdminView view;
    private final EntryListing listing;
    private final Entries entries;
    private final Sections sections;
    private final SiteSettings site;
    private final AuditLog audit;
    private final Trash trashBin;

    EntriesPage(AdminView view, EntryListing listing, Entries entries, Sections sections, SiteSettings site,
                AuditLog audit, Trash trashBin) {
        this.trashBin = trashBin;
        this.view = view;
        this.listing = listing;
        this.entries = entries;
        this.sections = sections;
        this.site = site;
        this.audit = audit;
    }

    @GetMapping("/admin/entries")
    ResponseEntity<String> list(@RequestParam(required = false) String language,
                                @RequestParam(required = false) Long section,
                                @RequestParam(required = false) String status,
                                @RequestParam(required = false) String owner,
                                @RequestParam(required = false) String q,
                                @RequestParam(defaultValue = "updated") String sort,
                                @RequestParam(defaultValue = "1") int page,
                                @RequestParam(defaultValue = "false") boolean trash, HttpServletRequest request) {
        EntryStatus wanted = status == null || status.isBlank() ? null : EntryStatus.of(status);
        EntryQuery query = new EntryQuery(language, section, wanted, owner, q, sort, page, 25, trash);
        Map<String, Object> model = new HashMap<>();
        model.put("page", listing.find(query));
        model.put("query", query);
        model.put("languages", site.current().languages());
        model.put("sections", sections.all());
        model.put("statuses", EntryStatus.values());
        model.put("sorts", EntryQuery.SORTS.keySet().stream().sorted().toList());
        return view.page("entries", model, request);
    }

    @PostMapping("/admin/entries/bulk")
    ResponseEntity<String> bulk(@RequestParam String action, @RequestParam(name = "id", required = false) List<Long> ids,
                                Principal principal, HttpServletRequest request) {
        User me = view.me(principal);
        EntryStatus target = BULK.get(action);
        if (target == null && !action.equals("trash") && !action.equals("restore")) {
            throw new IllegalArgumentException("There is no bulk action '" + action + "'");
        }
        List<Long> chosen = ids == null ? List.of() : ids;
        List<Entry> found = chosen.stream().map(id -> entries.find(id)
                .orElseThrow(() -> new IllegalArgumentException("There is no entry " + id))).toList();
        for (Entry e : found) {
            if (target == null) {
                if (action.equals("trash")) {
                    trashBin.trash(e.id(), me.username());
                } else {
                    trashBin.restore(e.id(), me.username());
                }
                continue;
            }
            EntryDraft d = EntryDraft.from(e);
            entries.save(new EntryDraft(d.id(), null, d.language(), d.sectionId(), d.title(), d.slug(), d.summary(),
                    d.body(), d.author(), d.source(), d.publishedAt(), target, d.featured(), d.tags(), d.seoTitle(),
                    d.seoDescription()), me.username());
        }
        audit.record(me.username(), "bulk-" + action, "entries " + chosen, request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/admin/entries").build();
    }
}
