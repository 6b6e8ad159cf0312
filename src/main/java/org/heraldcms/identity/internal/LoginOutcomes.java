package org.heraldcms.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.heraldcms.identity.AuditLog;
import org.heraldcms.identity.TwoFactor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/** What follows a login attempt: the throttle and the audit log hear of it either way. */
final class LoginOutcomes {

    private LoginOutcomes() {
    }

    record Success(LoginThrottle throttle, AuditLog audit, TwoFactor twoFactor) implements AuthenticationSuccessHandler {
        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws IOException {
            if (twoFactor.needed(authentication.getName())) {
                twoFactor.holdForCode(authentication, request, response);
                audit.record(authentication.getName(), "login-password", "code next", request.getRemoteAddr());
                response.sendRedirect("/admin/login/code");
                return;
            }
            throttle.succeeded(authentication.getName());
            audit.record(authentication.getName(), "login", "", request.getRemoteAddr());
            response.sendRedirect("/admin/");
        }
    }

    record Failure(LoginThrottle throttle, AuditLog audit) implements AuthenticationFailureHandler {
        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException exception) throws IOException {
            String username = request.getParameter("username");
            throttle.failed(username, request.getRemoteAddr());
            audit.record(username == null ? "" : username, "login-failed", "", request.getRemoteAddr());
            response.sendRedirect("/admin/login?error");
        }
    }
}
