package org.heraldcms.admin.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryListing;
import org.heraldcms.content.EntryMedia;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.content.Revision;
import org.heraldcms.content.Trash;
import org.heraldcms.identity.AuditLog;
import org.heraldcms.identity.User;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.site.Sections;
import org.heraldcms.site.SiteSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Writing and editing an entry, and translating one (the source shown beside the form). */
@Controller
class EntryEditor {

    private static final tools.jackson.databind.json.JsonMapper IMAGE_LIST =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final AdminView view;
    private final Entries entries;
    private final EntryListing listing;
    private final Sections sections;
    private final SiteSettings site;
    private final AuditLog audit;
    private final Trash trash;
    private final MediaLibrary library;
    private final KindEditing kinds;

    EntryEditor(AdminView view, Entries entries, EntryListing listing, Sections sections, SiteSettings site,
                AuditLog audit, Trash trash, MediaLibrary library, KindEditing kinds) {
        this.library = library;
        this.trash = trash;
        this.kinds = kinds;
        this.view = view;
        this.entries = entries;
        this.listing = listing;
        this.sections = sections;
        this.site = site;
        this.audit = audit;
    }

    @GetMapping("/admin/entries/new")
    ResponseEntity<String> blank(@RequestParam(required = false) String language, Principal principal,
                                 HttpServletRequest request) {
        User me = view.me(principal);
        if (!EntryPermissions.canCreate(me)) {
            throw new Forbidden("A translator translates entries; ask an author or editor for a new one");
        }
        String lang = language == null ? site.current().defaultLanguage().tag() : language;
        return form(me, null, null, lang, "/admin/entries/new", request);
    }

    @PostMapping("/admin/entries/new")
    ResponseEntity<String> create(@RequestParam Map<String, String> params,
                                  @RequestParam(name = "attachment", required = false) List<String> attachments,
                                  Principal principal, HttpServletRequest request) {
        User me = view.me(principal);
        if (!EntryPermissions.canCreate(me)) {
            throw new Forbidden("A translator translates entries; ask an author or editor for a new one");
        }
        EntryForm form = EntryForm.from(params, view.zone());
        EntryPermissions.checkStatus(me, form.status());
        Entry saved = kinds.save(form.draft(null, null), mediaOf(params, attachments, EntryMedia.NONE), params,
                me.username());
        audit.record(me.username(), "entry-create", saved.id() + " " + saved.language(), request.getRemoteAddr());
        return seeOther("/admin/entries/" + saved.id());
    }

    @GetMapping("/admin/entries/{id}")
    ResponseEntity<String> edit(@PathVariable long id, Principal principal, HttpServletRequest request) {
        Entry entry = entries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return form(view.me(principal), entry, null, entry.language(), "/admin/entries/" + id, request);
    }

    @PostMapping("/admin/entries/{id}")
    ResponseEntity<String> update(@PathVariable long id, @RequestParam Map<String, String> params,
                                  @RequestParam(name = "attachment", required = false) List<String> attachments,
                                  Principal principal, HttpServletRequest request) {
        User me = view.me(principal);
        Entry entry = entries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        EntryPermissions.checkEdit(me, owner(id), entry.status());
        if (trash.isTrashed(id)) {
            throw new IllegalArgumentException("This entry is in the trash: restore it before editing");
        }
        Map<String, String> fields = new HashMap<>(params);
        fields.put("language", entry.language());
        EntryForm form = EntryForm.from(fields, view.zone());
        if (form.status() != entry.status()) {
            EntryPermissions.checkStatus(me, form.status());
        }
        kinds.save(form.draft(id, null), EntryForm.media(params, attachments), fields, me.username());
        audit.record(me.username(), "entry-save", id + " " + form.status().code(), request.getRemoteAddr());
        return seeOther("/admin/entries/" + id + "?saved");
    }

    @GetMapping("/admin/entries/{id}/translate")
    ResponseEntity<String> translation(@PathVariable long id, @RequestParam String language, Principal principal,
                                       HttpServletRequest request) {
        User me = view.me(principal);
        Entry source = entries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var existing = listing.group(source.translationGroupId()).stream().filter(r -> r.language().equals(language))
                .findFirst();
        if (existing.isPresent()) {
            return seeOther("/admin/entries/" + existing.get().id());
        }
        if (!EntryPermissions.canTranslate(me)) {
            throw new Forbidden("Translations are made by translators and editors");
        }
        site.current().language(language).orElseThrow(() -> new IllegalArgumentException("No language " + language));
        return form(me, null, source, language, "/admin/entries/" + id + "/translate", request);
    }

    @PostMapping("/admin/entries/{id}/translate")
    ResponseEntity<String> translate(@PathVariable long id, @RequestParam Map<String, String> params,
                                     @RequestParam(name = "attachment", required = false) List<String> attachments,
                                     Principal principal, HttpServletRequest request) {
        User me = view.me(principal);
        if (!EntryPermissions.canTranslate(me)) {
            throw new Forbidden("Translations are made by translators and editors");
        }
        EntryForm form = EntryForm.from(params, view.zone());
        EntryPermissions.checkStatus(me, form.status());
        Entry saved = kinds.save(form.draft(null, id), EntryForm.media(params, attachments), params, me.username());
        audit.record(me.username(), "entry-translate", id + " -> " + saved.id() + " " + saved.language(),
                request.getRemoteAddr());
        return seeOther("/admin/entries/" + saved.id());
    }

    private ResponseEntity<String> form(User me, Entry entry, Entry source, String language, String action,
                                        HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("action", action);
        model.put("language", language);
        if (entry != null) {
            model.put("entry", entry);
            model.put("tags", EntryForm.tags(entry));
            model.put("publishedAt", entry.publishedAt() == null ? "" : view.local(entry.publishedAt()).replace(' ', 'T'));
            model.put("group", listing.group(entry.translationGroupId()));
            model.put("canEdit", EntryPermissions.canEdit(me, owner(entry.id()), entry.status()));
        } else {
            model.put("canEdit", true);
        }
        if (source != null) {
            model.put("source", source);
            model.put("sourceSection", source.sectionId());
            model.put("sourceBody", org.heraldcms.text.RichText.sanitize(source.body()));
        }
        model.put("saved", request.getParameter("saved") != null);
        model.put("statuses", EntryPermissions.statuses(me));
        model.put("sections", sections.all().stream().filter(s -> s.in(language).isPresent())
                .map(s -> Map.of("id", s.id(), "name", s.in(language).get().name())).toList());
        model.put("languages", site.current().languages());
        EntryMedia chosen = entry != null ? entries.media(entry.id())
                : source != null ? entries.media(source.id()) : EntryMedia.NONE;
        putMediaChoices(model, chosen);
        kinds.model(model, entry, source, language, request.getParameter("section"));
        return view.page("editor", model, request);
    }

    /** The picker: recent uploads plus whatever the entry already uses; chosen attachments first, in order. */
    private void putMediaChoices(Map<String, Object> model, EntryMedia chosen) {
        Map<Long, MediaItem> items = new LinkedHashMap<>();
        List<Long> wanted = new ArrayList<>(chosen.attachmentIds());
        if (chosen.coverId() != null) {
            wanted.add(chosen.coverId());
        }
        Map<Long, MediaItem> used = new HashMap<>();
        library.find(wanted).forEach(m -> used.put(m.id(), m));
        chosen.attachmentIds().stream().map(used::get).filter(java.util.Objects::nonNull).forEach(m -> items.put(m.id(), m));
        library.recent(200).forEach(m -> items.putIfAbsent(m.id(), m));
        if (chosen.coverId() != null && used.containsKey(chosen.coverId())) {
            items.putIfAbsent(chosen.coverId(), used.get(chosen.coverId()));
        }
        model.put("media", items.values());
        model.put("images", items.values().stream().filter(MediaItem::isImage).toList());
        model.put("coverId", chosen.coverId() == null ? -1L : chosen.coverId());
        model.put("coverAlt", chosen.coverAlt());
        model.put("attached", chosen.attachmentIds());
        model.put("imageList", IMAGE_LIST.writeValueAsString(items.values().stream().filter(MediaItem::isImage)
                .map(m -> Map.of("title", m.originalName(), "value", m.url())).toList()));
    }

    private static EntryMedia mediaOf(Map<String, String> params, List<String> attachments, EntryMedia otherwise) {
        EntryMedia media = EntryForm.media(params, attachments);
        return media == null ? otherwise : media;
    }

    private String owner(long id) {
        return entries.revisions(id).stream().findFirst().map(Revision::savedBy).orElse("");
    }

    static ResponseEntity<String> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", location).build();
    }

    static EntryDraft withStatus(EntryDraft d, EntryStatus status) {
        return new EntryDraft(d.id(), null, d.language(), d.sectionId(), d.title(), d.slug(), d.summary(), d.body(),
                d.author(), d.source(), d.publishedAt(), status, d.featured(), d.tags(), d.seoTitle(),
                d.seoDescription());
    }
}
