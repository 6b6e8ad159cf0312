package org.heraldcms.admin.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.identity.AuditLog;
import org.heraldcms.migration.CaptureImporter;
import org.heraldcms.migration.ImportFailed;
import org.heraldcms.migration.ImportProgress;
import org.heraldcms.migration.ImportReport;
import org.heraldcms.migration.WxrImporter;
import org.heraldcms.site.SiteSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports from the admin (admins only): a WordPress export or a captured page, uploaded and read
 * by the same importers as the command line, its report shown. Larger files and MetInfo databases
 * go through the command line, which the page names.
 */
@Controller
class ImportPage {

    private final AdminView view;
    private final WxrImporter wxr;
    private final CaptureImporter captures;
    private final SiteSettings site;
    private final AuditLog audit;

    ImportPage(AdminView view, WxrImporter wxr, CaptureImporter captures, SiteSettings site, AuditLog audit) {
        this.view = view;
        this.wxr = wxr;
        this.captures = captures;
        this.site = site;
        this.audit = audit;
    }

    @GetMapping("/admin/import")
    ResponseEntity<String> form(HttpServletRequest request) {
        return page(HttpStatus.OK, null, "", request);
    }

    @PostMapping("/admin/import/wxr")
    ResponseEntity<String> wordpress(@RequestParam("file") MultipartFile file,
                                     @RequestParam(defaultValue = "") String language, Principal principal,
                                     HttpServletRequest request) throws IOException {
        return run(file, "import-wxr", principal, request,
                path -> wxr.importFile(path, language.isBlank() ? null : language, ImportProgress.NONE));
    }

    @PostMapping("/admin/import/capture")
    ResponseEntity<String> capture(@RequestParam("file") MultipartFile file, @RequestParam String language,
                                   @RequestParam String section, Principal principal, HttpServletRequest request)
            throws IOException {
        return run(file, "import-capture", principal, request,
                path -> captures.importPath(path, language, section, ImportProgress.NONE));
    }

    private interface Importer {
        ImportReport read(Path file);
    }

    /** The upload goes to a folder of its own under its own (cleaned) name, read, and deleted whatever happens. */
    private ResponseEntity<String> run(MultipartFile upload, String action, Principal principal,
                                       HttpServletRequest request, Importer importer) throws IOException {
        if (upload.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, null, "Choose a file to import.", request);
        }
        String name = cleanName(upload.getOriginalFilename());
        Path folder = Files.createTempDirectory("herald-import-");
        try {
            Path file = folder.resolve(name);
            upload.transferTo(file);
            ImportReport report = importer.read(file);
            audit.record(view.me(principal).username(), action, name + ": " + report.summary(), request.getRemoteAddr());
            return page(HttpStatus.OK, report, "", request);
        } catch (ImportFailed e) {
            audit.record(view.me(principal).username(), action + "-failed", name + ": " + e.getMessage(),
                    request.getRemoteAddr());
            return page(HttpStatus.BAD_REQUEST, null, e.getMessage(), request);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private ResponseEntity<String> page(HttpStatus status, ImportReport report, String problem, HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("languages", site.current().languages());
        model.put("problem", problem);
        if (report != null) {
            model.put("report", report);
        }
        return view.page(status, "import", model, request);
    }

    static String cleanName(String original) {
        String base = original == null ? "" : original.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return base.isBlank() || base.startsWith(".") ? "upload" + base : base.length() > 100 ? base.substring(0, 100) : base;
    }
}
