package org.heraldcms.admin.internal;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.heraldcms.identity.InvalidAccount;
import org.heraldcms.identity.TwoFactor;
import org.heraldcms.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Two-factor sign-in: the code step after the password, and turning it on or off on one's own account.
 * A secret being set up lives in the session until a code from the app proves it was copied right.
 * New recovery codes wait in the session for the next view of the two-factor page, which shows them once.
 */
@Controller
class TwoFactorPage {

    private static final String NEW_SECRET = "herald.two-factor.new-secret";
    private static final String NEW_CODES = "herald.two-factor.new-recovery-codes";
    private static final String USED_CODE = "herald.two-factor.used-recovery-code";

    private final AdminView view;
    private final TwoFactor twoFactor;

    TwoFactorPage(AdminView view, TwoFactor twoFactor) {
        this.view = view;
        this.twoFactor = twoFactor;
    }

    @GetMapping("/admin/login/code")
    ResponseEntity<String> code(Principal principal, HttpServletRequest request) {
        return codePage(HttpStatus.OK, principal.getName(), null, request);
    }

    @PostMapping("/admin/login/code")
    ResponseEntity<String> check(@RequestParam(defaultValue = "") String code, Principal principal,
                                 HttpServletRequest request, HttpServletResponse response) {
        String username = principal.getName();
        Optional<String> pendingSecret = twoFactor.enrolled(username) ? Optional.empty() : Optional.of(secret(request));
        TwoFactor.SignedIn signedIn;
        try {
            signedIn = twoFactor.complete(username, code, pendingSecret, request, response);
        } catch (InvalidAccount e) {
            return codePage(HttpStatus.BAD_REQUEST, username, e.getMessage(), request);
        }
        HttpSession session = request.getSession();
        session.removeAttribute(NEW_SECRET);
        if (signedIn.withRecoveryCode()) {
            session.setAttribute(USED_CODE, Boolean.TRUE);
            return EntryEditor.seeOther("/admin/two-factor");
        }
        if (!signedIn.newRecoveryCodes().isEmpty()) {
            session.setAttribute(NEW_CODES, signedIn.newRecoveryCodes());
            return EntryEditor.seeOther("/admin/two-factor");
        }
        return EntryEditor.seeOther("/admin/");
    }

    @GetMapping("/admin/two-factor")
    ResponseEntity<String> settings(Principal principal, HttpServletRequest request) {
        return settingsPage(HttpStatus.OK, view.me(principal), null, request);
    }

    @PostMapping("/admin/two-factor")
    ResponseEntity<String> enrol(@RequestParam(defaultValue = "") String code, Principal principal,
                                 HttpServletRequest request) {
        User me = view.me(principal);
        List<String> codes;
        try {
            codes = twoFactor.enrol(me.username(), secret(request), code, request.getRemoteAddr());
        } catch (InvalidAccount e) {
            return settingsPage(HttpStatus.BAD_REQUEST, me, e.getMessage(), request);
        }
        request.getSession().removeAttribute(NEW_SECRET);
        request.getSession().setAttribute(NEW_CODES, codes);
        return EntryEditor.seeOther("/admin/two-factor");
    }

    @PostMapping("/admin/two-factor/recovery-codes")
    ResponseEntity<String> renew(@RequestParam(defaultValue = "") String code, Principal principal,
                                 HttpServletRequest request) {
        User me = view.me(principal);
        List<String> codes;
        try {
            codes = twoFactor.renewRecoveryCodes(me.username(), code, request.getRemoteAddr());
        } catch (InvalidAccount e) {
            return settingsPage(HttpStatus.BAD_REQUEST, me, e.getMessage(), request);
        }
        request.getSession().setAttribute(NEW_CODES, codes);
        return EntryEditor.seeOther("/admin/two-factor");
    }

    @PostMapping("/admin/two-factor/off")
    ResponseEntity<String> off(@RequestParam(defaultValue = "") String code, Principal principal,
                               HttpServletRequest request) {
        User me = view.me(principal);
        try {
            twoFactor.disable(me.username(), code, request.getRemoteAddr());
        } catch (InvalidAccount e) {
            return settingsPage(HttpStatus.BAD_REQUEST, me, e.getMessage(), request);
        }
        return EntryEditor.seeOther("/admin/two-factor");
    }

    private ResponseEntity<String> codePage(HttpStatus status, String username, String problem,
                                            HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("pending", true);
        if (!twoFactor.enrolled(username)) {
            String secret = secret(request);
            model.put("secret", secret);
            model.put("uri", TwoFactor.otpauthUri(username, secret));
        }
        if (problem != null) {
            model.put("problem", problem);
        }
        return view.page(status, "code", model, request);
    }

    private ResponseEntity<String> settingsPage(HttpStatus status, User me, String problem,
                                                HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        boolean on = twoFactor.enrolled(me.username());
        model.put("on", on);
        model.put("required", twoFactor.required(me.role()));
        HttpSession session = request.getSession();
        if (on) {
            model.put("codesLeft", twoFactor.recoveryCodesLeft(me.username()));
            model.put("newCodes", session.getAttribute(NEW_CODES));
            model.put("usedCode", session.getAttribute(USED_CODE) != null);
        }
        session.removeAttribute(NEW_CODES);
        session.removeAttribute(USED_CODE);
        if (!on) {
            String secret = secret(request);
            model.put("secret", secret);
            model.put("uri", TwoFactor.otpauthUri(me.username(), secret));
        }
        if (problem != null) {
            model.put("problem", problem);
        }
        return view.page(status, "two-factor", model, request);
    }

    private static String secret(HttpServletRequest request) {
        HttpSession session = request.getSession();
        Object secret = session.getAttribute(NEW_SECRET);
        if (secret instanceof String s) {
            return s;
        }
        String fresh = TwoFactor.newSecret();
        session.setAttribute(NEW_SECRET, fresh);
        return fresh;
    }
}
