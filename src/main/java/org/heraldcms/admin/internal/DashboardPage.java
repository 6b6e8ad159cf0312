package org.heraldcms.admin.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.content.EntryListing;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.site.Language;
import org.heraldcms.site.SiteSettings;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Counts by status and language, recent changes, entries waiting for review or for a translation. */
@Controller
class DashboardPage {

    private final AdminView view;
    private final EntryListing listing;
    private final SiteSettings site;

    DashboardPage(AdminView view, EntryListing listing, SiteSettings site) {
        this.view = view;
        this.listing = listing;
        this.site = site;
    }

    @GetMapping({"/admin", "/admin/"})
    ResponseEntity<String> show(HttpServletRequest request) {
        Map<String, Object> missing = new LinkedHashMap<>();
        for (Language l : site.current().enabledLanguages()) {
            missing.put(l.tag(), listing.missingTranslation(l.tag(), 5));
        }
        return view.page("dashboard", Map.of("counts", listing.countsByStatusAndLanguage(),
                "recent", listing.recent(10), "review", listing.inStatus(EntryStatus.REVIEW, 10),
                "missing", missing), request);
    }
}
