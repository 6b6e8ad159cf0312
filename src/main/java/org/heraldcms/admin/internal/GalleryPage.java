package org.heraldcms.admin.internal;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.Revision;
import org.heraldcms.identity.AuditLog;
import org.heraldcms.identity.User;
import org.heraldcms.kinds.Galleries;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** A gallery's images: add from the media library, caption in the entry's language, order, remove. */
@Controller
class GalleryPage {

    private final AdminView view;
    private final Entries entries;
    private final Galleries galleries;
    private final MediaLibrary media;
    private final AuditLog audit;

    GalleryPage(AdminView view, Entries entries, Galleries galleries, MediaLibrary media, AuditLog audit) {
        this.view = view;
        this.entries = entries;
        this.galleries = galleries;
        this.media = media;
        this.audit = audit;
    }

    @GetMapping("/admin/entries/{id}/images")
    ResponseEntity<String> show(@PathVariable long id, HttpServletRequest request) {
        Entry entry = entry(id);
        Map<String, Object> model = new HashMap<>();
        model.put("entry", entry);
        model.put("pictures", galleries.pictures(entry));
        model.put("mediaImages", media.recent(200).stream().filter(MediaItem::isImage).toList());
        return view.page("gallery", model, request);
    }

    @PostMapping("/admin/entries/{id}/images")
    ResponseEntity<String> add(@PathVariable long id, @RequestParam String image,
                               @RequestParam(defaultValue = "") String caption, Principal principal,
                               HttpServletRequest request) {
        Entry entry = editable(id, principal);
        long imageId = galleries.add(entry, image, caption);
        audit.record(view.me(principal).username(), "gallery-add", id + " " + imageId, request.getRemoteAddr());
        return EntryEditor.seeOther("/admin/entries/" + id + "/images");
    }

    @PostMapping("/admin/entries/{id}/images/{imageId}")
    ResponseEntity<String> change(@PathVariable long id, @PathVariable long imageId, @RequestParam String action,
                                  @RequestParam(defaultValue = "") String caption, Principal principal,
                                  HttpServletRequest request) {
        Entry entry = editable(id, principal);
        switch (action) {
            case "caption" -> galleries.caption(entry, imageId, caption);
            case "up" -> galleries.move(entry, imageId, -1);
            case "down" -> galleries.move(entry, imageId, 1);
            case "remove" -> galleries.remove(entry, imageId);
            default -> throw new IllegalArgumentException("There is no action '" + action + "'");
        }
        audit.record(view.me(principal).username(), "gallery-" + action, id + " " + imageId, request.getRemoteAddr());
        return EntryEditor.seeOther("/admin/entries/" + id + "/images");
    }

    private Entry entry(long id) {
        return entries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Entry editable(long id, Principal principal) {
        Entry entry = entry(id);
        User me = view.me(principal);
        String owner = entries.revisions(id).stream().findFirst().map(Revision::savedBy).orElse("");
        EntryPermissions.checkEdit(me, owner, entry.status());
        return entry;
    }
}
