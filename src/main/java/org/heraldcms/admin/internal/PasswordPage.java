package org.heraldcms.admin.internal;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.heraldcms.identity.AuditLog;
import org.heraldcms.identity.InvalidAccount;
import org.heraldcms.identity.User;
import org.heraldcms.identity.Users;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Changing one's own password ends every session of the account, this one too. */
@Controller
class PasswordPage {

    private final AdminView view;
    private final Users users;
    private final AuditLog audit;

    PasswordPage(AdminView view, Users users, AuditLog audit) {
        this.view = view;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/admin/password")
    ResponseEntity<String> show(Principal principal, HttpServletRequest request) {
        return view.page("password", Map.of("email", users.email(view.me(principal).id()).orElse("")), request);
    }

    /** The address "Forgot password" links go to. */
    @PostMapping("/admin/email")
    ResponseEntity<String> email(@RequestParam(defaultValue = "") String email, Principal principal,
                                 HttpServletRequest request) {
        User me = view.me(principal);
        users.changeEmail(me.id(), email);
        audit.record(me.username(), "email-change", "", request.getRemoteAddr());
        return EntryEditor.seeOther("/admin/password?saved");
    }

    @PostMapping("/admin/password")
    ResponseEntity<String> change(@RequestParam String current, @RequestParam String password,
                                  @RequestParam String repeat, Principal principal, HttpServletRequest request) {
        User me = view.me(principal);
        try {
            if (!password.equals(repeat)) {
                throw new InvalidAccount("The two passwords differ");
            }
            users.changePassword(me.username(), current.toCharArray(), password.toCharArray());
        } catch (InvalidAccount e) {
            return view.page(HttpStatus.BAD_REQUEST, "password", Map.of("problem", e.getMessage(),
                    "email", users.email(me.id()).orElse("")), request);
        }
        audit.record(me.username(), "password-change", "", request.getRemoteAddr());
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return EntryEditor.seeOther("/admin/login?expired");
    }
}
