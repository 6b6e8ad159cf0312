package org.heraldcms.admin.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.heraldcms.identity.Users;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security handles its POST. Points to the setup page while the site has no admin. */
@Controller
class LoginPage {

    private final AdminView view;
    private final Users users;

    LoginPage(AdminView view, Users users) {
        this.view = view;
        this.users = users;
    }

    @GetMapping("/admin/login")
    ResponseEntity<String> show(HttpServletRequest request) {
        return view.page("login", Map.of("error", request.getParameter("error") != null,
                "out", request.getParameter("out") != null, "expired", request.getParameter("expired") != null,
                "setup", !users.hasAdmin(), "reset", request.getParameter("reset") != null), request);
    }
}
