package org.heraldcms.admin.internal;

import java.nio.file.Path;
import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.identity.AuditLog;
import org.heraldcms.migration.BackupFolder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
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
 * Backups (admins only): the archives kept in the data folder, one made on demand, each
 * downloadable. Restoring stays a job for the command line, into an empty data folder or database.
 */
@Controller
class BackupsPage {

    private final AdminView view;
    private final BackupFolder backups;
    private final AuditLog audit;

    BackupsPage(AdminView view, BackupFolder backups, AuditLog audit) {
        this.view = view;
        this.backups = backups;
        this.audit = audit;
    }

    @GetMapping("/admin/backups")
    ResponseEntity<String> list(@RequestParam(required = false) String made, HttpServletRequest request) {
        return view.page("backups", Map.of("backups", backups.list(),
                "made", backups.file(made).map(f -> f.getFileName().toString()).orElse("")), request);
    }

    @PostMapping("/admin/backups")
    ResponseEntity<String> backUp(Principal principal, HttpServletRequest request) {
        BackupFolder.Backup made = backups.backUpNow();
        audit.record(view.me(principal).username(), "backup", made.name() + " " + made.bytes() + " bytes",
                request.getRemoteAddr());
        return EntryEditor.seeOther("/admin/backups?made=" + made.name());
    }

    /** The archive holds every account's password hash: downloads are audited and never cached. */
    @GetMapping("/admin/backups/{name}")
    ResponseEntity<Resource> download(@PathVariable String name, Principal principal, HttpServletRequest request) {
        Path file = backups.file(name).orElse(null);
        if (file == null) {
            return ResponseEntity.notFound().build();
        }
        audit.record(view.me(principal).username(), "backup-download", file.getFileName().toString(),
                request.getRemoteAddr());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.getFileName().toString()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new FileSystemResource(file));
    }
}
