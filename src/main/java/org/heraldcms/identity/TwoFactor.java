package org.heraldcms.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.heraldcms.identity.internal.LoginThrottle;
import org.heraldcms.identity.internal.Totp;
import org.heraldcms.identity.internal.UserRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * Optional second step at sign-in: a TOTP code (RFC 6238) from an authenticator app. Accounts
 * choose it; roles listed in {@code herald.security.two-factor-roles} must use it. After the
 * password such an account holds only {@link #PENDING}, which opens nothing but the code page.
 */
@Service
public class TwoFactor {

    /** The authority of a session that has passed the password but not the code yet. */
    public static final String PENDING = "SECOND_FACTOR";
    private static final String ISSUER = "Herald";

    private final UserRepository users;
    private final UserDetailsService accounts;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Set<Role> requiredFor;
    private final Map<String, Long> lastStep = new ConcurrentHashMap<>();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    TwoFactor(UserRepository users, UserDetailsService accounts, LoginThrottle throttle, AuditLog audit,
              @Value("${herald.security.two-factor-roles:}") String requiredFor) {
        this.users = users;
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
        this.requiredFor = Arrays.stream(requiredFor.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> Role.of(s.toLowerCase(Locale.ROOT))).collect(Collectors.toUnmodifiableSet());
    }

    public boolean enrolled(String username) {
        return users.totpSecret(username).isPresent();
    }

    public boolean required(Role role) {
        return requiredFor.contains(role);
    }

    /** Whether signing in as this account takes a code after the password. */
    public boolean needed(String username) {
        return users.find(username).map(u -> enrolled(username) || required(u.role())).orElse(false);
    }

    public static String newSecret() {
        return Totp.newSecret();
    }

    /** What an authenticator app reads (as text or a QR code) to set itself up. */
    public static String otpauthUri(String username, String secret) {
        String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER + "&algorithm=SHA1&digits=6&period="
                + Totp.STEP_SECONDS;
    }

    /** Turns two-factor on with a secret the account's app has shown to work. */
    public void enrol(String username, String secret, String code, String remoteAddress) {
        if (!accepts(username, secret, code)) {
            throw new InvalidAccount("That code is not right; check the time on your device and try again");
        }
        users.updateTotpSecret(username, secret);
        audit.record(username, "two-factor-on", "", remoteAddress);
    }

    public void disable(String username, String code, String remoteAddress) {
        User user = users.find(username).orElseThrow();
        if (required(user.role())) {
            throw new InvalidAccount("Your role must use two-factor sign-in");
        }
        if (!accepts(username, users.totpSecret(username).orElse(""), code)) {
            throw new InvalidAccount("That code is not right");
        }
        users.updateTotpSecret(username, null);
        audit.record(username, "two-factor-off", "", remoteAddress);
    }

    /** After the password: the session holds only {@link #PENDING} until {@link #complete}. */
    public void holdForCode(Authentication passwordChecked, HttpServletRequest request, HttpServletResponse response) {
        Authentication pending = UsernamePasswordAuthenticationToken.authenticated(passwordChecked.getPrincipal(), null,
                java.util.List.of(new SimpleGrantedAuthority(PENDING)));
        save(pending, request, response);
    }

    /**
     * The second step: checks the code (enrolling {@code newSecret} first for an account whose role
     * requires two-factor but has none yet) and gives the session the account's real role.
     */
    public void complete(String username, String code, Optional<String> newSecret, HttpServletRequest request,
                         HttpServletResponse response) {
        String address = request.getRemoteAddr();
        if (!throttle.allowed(username, address)) {
            throw new InvalidAccount("Too many wrong codes. Wait 15 minutes and try again.");
        }
        Optional<String> secret = users.totpSecret(username).or(() -> newSecret);
        if (secret.isEmpty() || !accepts(username, secret.get(), code)) {
            throttle.failed(username, address);
            audit.record(username, "login-code-failed", "", address);
            throw new InvalidAccount("That code is not right");
        }
        if (!enrolled(username)) {
            users.updateTotpSecret(username, secret.get());
            audit.record(username, "two-factor-on", "at sign-in", address);
        }
        UserDetails details = accounts.loadUserByUsername(username);
        if (!details.isEnabled()) {
            throw new InvalidAccount("This account is switched off");
        }
        request.changeSessionId();
        save(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()), request,
                response);
        throttle.succeeded(username);
        audit.record(username, "login", "with code", address);
    }

    private boolean accepts(String username, String secret, String code) {
        if (code == null || !code.strip().matches("\\d{6}") || secret.isEmpty()) {
            return false;
        }
        long now = Totp.step(Instant.now().getEpochSecond());
        for (long step = now - 1; step <= now + 1; step++) {
            if (java.security.MessageDigest.isEqual(Totp.code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.strip().getBytes(StandardCharsets.US_ASCII))) {
                // A code works once: a code seen over someone's shoulder cannot be replayed.
                Long previous = lastStep.get(username);
                if (previous != null && previous >= step) {
                    return false;
                }
                lastStep.put(username, step);
                return true;
            }
        }
        return false;
    }

    private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
