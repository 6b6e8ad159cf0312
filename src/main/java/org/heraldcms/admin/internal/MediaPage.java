package org.heraldcms.admin.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.identity.AuditLog;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.platform.RemoteFetch;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The media library: upload images and documents, see the latest with their addresses and srcset. */
@Controller
class MediaPage {

    private final AdminView view;
    private final MediaLibrary library;
    private final AuditLog audit;

    private final RemoteFetch remote;

    MediaPage(AdminView view, MediaLibrary library, AuditLog audit, RemoteFetch remote) {
        this.view = view;
        this.library = library;
        this.audit = audit;
        this.remote = remote;
    }

    @GetMapping("/admin/media")
    ResponseEntity<String> list(Principal principal, HttpServletRequest request) {
        String role = view.me(principal).role().code();
        return view.page("media", Map.of("items", library.recent(100), "deleted", request.getParameter("deleted") != null,
                "canDelete", role.equals("admin") || role.equals("editor")), request);
    }

    @PostMapping("/admin/media")
    ResponseEntity<String> upload(@RequestParam("file") MultipartFile file, Principal principal,
                                  HttpServletRequest request) throws IOException {
        String me = view.me(principal).username();
        MediaItem item = library.store(file.getOriginalFilename(), file.getBytes(), me);
        audit.record(me, "media-upload", item.storedName() + " " + item.originalName(), request.getRemoteAddr());
        return EntryEditor.seeOther("/admin/media");
    }

    /** Deleting a file an entry uses as cover or attachment is refused, naming those entries (400). */
    @PostMapping("/admin/media/{id}/delete")
    ResponseEntity<String> delete(@PathVariable long id, Principal principal, HttpServletRequest request) {
        String me = view.me(principal).username();
        MediaItem item = library.delete(id);
        audit.record(me, "media-delete", item.storedName() + " " + item.originalName(), request.getRemoteAddr());
        return EntryEditor.seeOther("/admin/media?deleted");
    }

    /** "Import from an address": fetched through {@link RemoteFetch} (no local or private addresses), then stored like an upload. */
    @PostMapping("/admin/media/import")
    ResponseEntity<String> importFrom(@RequestParam(defaultValue = "") String url, Principal principal,
                                      HttpServletRequest request) {
        String me = view.me(principal).username();
        RemoteFetch.Fetched fetched;
        try {
            fetched = remote.get(url, MediaLibrary.MAX_BYTES);
        } catch (RemoteFetch.Refused e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        String path = fetched.uri().getPath() == null ? "" : fetched.uri().getPath();
        MediaItem item = library.store(path.substring(path.lastIndexOf('/') + 1), fetched.body(), me);
        audit.record(me, "media-import", item.storedName() + " " + fetched.uri(), request.getRemoteAddr());
        return EntryEditor.seeOther("/admin/media");
    }
}
