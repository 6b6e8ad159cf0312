package org.heraldcms.admin.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.identity.AuditLog;
import org.heraldcms.identity.InvalidAccount;
import org.heraldcms.identity.Users;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** On a brand-new site only: create the first admin. Once an admin exists this page is a 404. */
@Controller
class SetupPage {

    private final AdminView view;
    private final Users users;
    private final AuditLog audit;

    SetupPage(AdminView view, Users users, AuditLog audit) {
        this.view = view;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/admin/setup")
    ResponseEntity<String> show(HttpServletRequest request) {
        gone();
        return view.page("setup", Map.of(), request);
    }

    @PostMapping("/admin/setup")
    ResponseEntity<String> create(@RequestParam String username, @RequestParam String password,
                                  @RequestParam String repeat, HttpServletRequest request) {
        gone();
        try {
            if (!password.equals(repeat)) {
                throw new InvalidAccount("The two passwords differ");
            }
            users.setUpFirstAdmin(username, password.toCharArray());
        } catch (InvalidAccount e) {
            return view.page(HttpStatus.BAD_REQUEST, "setup", Map.of("problem", e.getMessage()), request);
        }
        audit.record(username, "setup", "first admin created", request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/admin/login").build();
    }

    private void gone() {
        if (users.hasAdmin()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
