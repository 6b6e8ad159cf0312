package org.heraldcms.admin.internal;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.identity.AuditLog;
import org.heraldcms.identity.Role;
import org.heraldcms.identity.User;
import org.heraldcms.identity.Users;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Accounts (admins only, by the route table): list, add, change role or switch off. */
@Controller
class UsersPage {

    private final AdminView view;
    private final Users users;
    private final AuditLog audit;

    UsersPage(AdminView view, Users users, AuditLog audit) {
        this.view = view;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/admin/users")
    ResponseEntity<String> list(HttpServletRequest request) {
        return view.page("users", Map.of("users", users.all(), "roles", Role.values()), request);
    }

    @PostMapping("/admin/users")
    ResponseEntity<String> add(@RequestParam String username, @RequestParam(defaultValue = "") String displayName,
                               @RequestParam String role, @RequestParam String password,
                               @RequestParam(defaultValue = "") String email, Principal principal,
                               HttpServletRequest request) {
        User me = view.me(principal);
        User added = users.add(username, displayName, Role.of(role), password.toCharArray(), Optional.of(me.role()));
        users.changeEmail(added.id(), email);
        audit.record(me.username(), "user-add", added.username() + " " + added.role().code(), request.getRemoteAddr());
        return EntryEditor.seeOther("/admin/users");
    }

    @PostMapping("/admin/users/{id}")
    ResponseEntity<String> change(@PathVariable long id, @RequestParam String role,
                                  @RequestParam(defaultValue = "false") boolean enabled, Principal principal,
                                  HttpServletRequest request) {
        User me = view.me(principal);
        if (me.id() == id) {
            throw new IllegalArgumentException("You cannot change your own role; ask another admin");
        }
        User changed = users.changeRole(id, Role.of(role), enabled, me.role());
        audit.record(me.username(), "user-change", changed.username() + " " + changed.role().code()
                + (changed.enabled() ? "" : " off"), request.getRemoteAddr());
        return EntryEditor.seeOther("/admin/users");
    }
}
