package org.heraldcms.admin.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.identity.InvalidAccount;
import org.heraldcms.identity.PasswordResets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot password": ask for a link by username or e-mail (same answer either way), then choose a new password. */
@Controller
class ResetPage {

    private final AdminView view;
    private final PasswordResets resets;

    ResetPage(AdminView view, PasswordResets resets) {
        this.view = view;
        this.resets = resets;
    }

    @GetMapping("/admin/forgot")
    ResponseEntity<String> ask(HttpServletRequest request) {
        return view.page("forgot", Map.of("sent", false), request);
    }

    @PostMapping("/admin/forgot")
    ResponseEntity<String> send(@RequestParam(defaultValue = "") String login, HttpServletRequest request) {
        resets.request(login, request.getRemoteAddr());
        return view.page("forgot", Map.of("sent", true), request);
    }

    @GetMapping("/admin/reset")
    ResponseEntity<String> choose(@RequestParam(defaultValue = "") String token, HttpServletRequest request) {
        if (resets.check(token).isEmpty()) {
            return view.page(HttpStatus.BAD_REQUEST, "reset", Map.of("valid", false), request);
        }
        return view.page("reset", Map.of("valid", true, "token", token), request);
    }

    @PostMapping("/admin/reset")
    ResponseEntity<String> set(@RequestParam(defaultValue = "") String token, @RequestParam String password,
                               @RequestParam String repeat, HttpServletRequest request) {
        try {
            if (!password.equals(repeat)) {
                throw new InvalidAccount("The two passwords differ");
            }
            resets.reset(token, password.toCharArray(), request.getRemoteAddr());
        } catch (InvalidAccount e) {
            boolean valid = resets.check(token).isPresent();
            return view.page(HttpStatus.BAD_REQUEST, "reset", valid ? Map.of("valid", true, "token", token,
                    "problem", e.getMessage()) : Map.of("valid", false), request);
        }
        return EntryEditor.seeOther("/admin/login?reset");
    }
}
