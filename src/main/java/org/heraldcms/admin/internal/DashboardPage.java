package org.heraldcms.admin.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.content.EntryListing;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.content.Views;
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
    private final Views views;

    DashboardPage(AdminView view, EntryListing listing, SiteSettings site, Views views) {
        this.view = view;
        this.listing = listing;
        this.site = site;
        this.views = views;
    }

    /** One bar of the page-views chart: a day and its views, drawn as a meter against the busiest day. */
    record ViewsDay(String day, long views, long max) {
    }

    @GetMapping({"/admin", "/admin/"})
    ResponseEntity<String> show(HttpServletRequest request) {
        Map<String, Object> missing = new LinkedHashMap<>();
        for (Language l : site.current().enabledLanguages()) {
            missing.put(l.tag(), listing.missingTranslation(l.tag(), 5));
        }
        Map<java.time.LocalDate, Long> perDay = views.perDay(14);
        long max = Math.max(1, perDay.values().stream().mapToLong(Long::longValue).max().orElse(0));
        List<ViewsDay> chart = perDay.entrySet().stream()
                .map(d -> new ViewsDay(d.getKey().toString(), d.getValue(), max)).toList();
        return view.page("dashboard", Map.of("counts", listing.countsByStatusAndLanguage(),
                "recent", listing.recent(10), "review", listing.inStatus(EntryStatus.REVIEW, 10),
                "missing", missing, "views", chart), request);
    }
}
