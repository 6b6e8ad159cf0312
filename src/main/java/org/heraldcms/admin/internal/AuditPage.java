package org.heraldcms.admin.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.identity.AuditLog;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The latest admin actions: who, what, when, from which address (all escaped). */
@Controller
class AuditPage {

    private final AdminView view;
    private final AuditLog audit;

    AuditPage(AdminView view, AuditLog audit) {
        this.view = view;
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    ResponseEntity<String> show(HttpServletRequest request) {
        return view.page("audit", Map.of("events", audit.recent(200)), request);
    }
}
