package org.heraldcms.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.heraldcms.identity.internal.LoginThrottle;
import org.heraldcms.identity.internal.RecoveryCodeRepository;
import org.heraldcms.identity.internal.RecoveryCodes;
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
 * Enrolling gives the account single-use recovery codes, for the day its authenticator is lost.
 */
@Service
public class TwoFactor {

    /** The authority of a session that has passed the password but not the code yet. */
    public static final String PENDING = "SECOND_FACTOR";
    private static final String ISSUER = "Herald";

    private final UserRepository users;
    private final RecoveryCodeRepository recoveryCodes;
    private final UserDetailsService accounts;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Set<Role> requiredFor;
    private final Map<String, Long> lastStep = new ConcurrentHashMap<>();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    TwoFactor(UserRepository users, RecoveryCodeRepository recoveryCodes, UserDetailsService accounts,
              LoginThrottle throttle, AuditLog audit,
              @Value("${herald.security.two-factor-roles:}") String requiredFor) {
        this.users = users;
        this.recoveryCodes = recoveryCodes;
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

    /** How many of the account's recovery codes are still unused. */
    public int recoveryCodesLeft(String username) {
        return users.find(username).map(u -> recoveryCodes.unused(u.id())).orElse(0);
    }

    /**
     * Turns two-factor on with a secret the account's app has shown to work; returns the account's
     * new recovery codes, to be shown once.
     */
    public List<String> enrol(String username, String secret, String code, String remoteAddress) {
        if (!accepts(username, secret, code)) {
            throw new InvalidAccount("That code is not right; check the time on your device and try again");
        }
        users.updateTotpSecret(username, secret);
        audit.record(username, "two-factor-on", "", remoteAddress);
        return newRecoveryCodes(username);
    }

    /** Replaces every recovery code of the account, on a code from its app; returns the new ones. */
    public List<String> renewRecoveryCodes(String username, String code, String remoteAddress) {
        checkThrottle(username, remoteAddress);
        if (!accepts(username, users.totpSecret(username).orElse(""), code)) {
            wrongCode(username, remoteAddress);
        }
        audit.record(username, "recovery-codes-renewed", "", remoteAddress);
        return newRecoveryCodes(username);
    }

    /**
     * Turns two-factor off, on a code from the app or, the app being lost, a recovery code. For a
     * role that must use it, only a recovery code does, and it resets two-factor rather than ending
     * it: the next sign-in sets up a new device.
     */
    public void disable(String username, String code, String remoteAddress) {
        User user = users.find(username).orElseThrow();
        checkThrottle(username, remoteAddress);
        boolean required = required(user.role());
        boolean withApp = !required && accepts(username, users.totpSecret(username).orElse(""), code);
        boolean withRecoveryCode = !withApp && useRecoveryCode(user, code);
        if (!withApp && !withRecoveryCode) {
            throttle.failed(username, remoteAddress);
            throw new InvalidAccount(required ? "Your role must use two-factor sign-in: only a recovery code resets it"
                    : "That code is not right");
        }
        users.updateTotpSecret(username, null);
        recoveryCodes.deleteAll(user.id());
        audit.record(username, required ? "two-factor-reset" : "two-factor-off",
                withRecoveryCode ? "with a recovery code" : "", remoteAddress);
    }

    /** After the password: the session holds only {@link #PENDING} until {@link #complete}. */
    public void holdForCode(Authentication passwordChecked, HttpServletRequest request, HttpServletResponse response) {
        Authentication pending = UsernamePasswordAuthenticationToken.authenticated(passwordChecked.getPrincipal(), null,
                java.util.List.of(new SimpleGrantedAuthority(PENDING)));
        save(pending, request, response);
    }

    /**
     * How the second step went: whether a recovery code was used, and the recovery codes of an
     * account that enrolled at this sign-in, to be shown once.
     */
    public record SignedIn(boolean withRecoveryCode, List<String> newRecoveryCodes) {
    }

    /**
     * The second step: checks the code, from the app or a recovery code (enrolling {@code newSecret}
     * first for an account whose role requires two-factor but has none yet), and gives the session
     * the account's real role.
     */
    public SignedIn complete(String username, String code, Optional<String> newSecret, HttpServletRequest request,
                             HttpServletResponse response) {
        String address = request.getRemoteAddr();
        if (!throttle.allowed(username, address)) {
            throw new InvalidAccount("Too many wrong codes. Wait 15 minutes and try again.");
        }
        User user = users.find(username).orElseThrow(() -> new InvalidAccount("That code is not right"));
        if (!user.enabled()) { // before any code is checked: a switched-off account spends no recovery code
            throw new InvalidAccount("This account is switched off");
        }
        boolean enrolled = enrolled(username);
        Optional<String> secret = users.totpSecret(username).or(() -> newSecret);
        boolean withApp = secret.isPresent() && accepts(username, secret.get(), code);
        boolean withRecoveryCode = !withApp && enrolled && useRecoveryCode(user, code);
        if (!withApp && !withRecoveryCode) {
            throttle.failed(username, address);
            audit.record(username, "login-code-failed", "", address);
            throw new InvalidAccount("That code is not right");
        }
        List<String> fresh = List.of();
        if (!enrolled) {
            users.updateTotpSecret(username, secret.get());
            audit.record(username, "two-factor-on", "at sign-in", address);
            fresh = newRecoveryCodes(username);
        }
        UserDetails details = accounts.loadUserByUsername(username);
        if (!details.isEnabled()) {
            throw new InvalidAccount("This account is switched off");
        }
        request.changeSessionId();
        save(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()), request,
                response);
        throttle.succeeded(username);
        audit.record(username, "login", withRecoveryCode ? "with a recovery code" : "with code", address);
        return new SignedIn(withRecoveryCode, fresh);
    }

    /**
     * Signed-in pages that take a code count wrong ones like the sign-in step does, so a stolen
     * session cannot try every code to turn two-factor off or mint recovery codes.
     */
    private void checkThrottle(String username, String address) {
        if (!throttle.allowed(username, address)) {
            throw new InvalidAccount("Too many wrong codes. Wait 15 minutes and try again.");
        }
    }

    private void wrongCode(String username, String address) {
        throttle.failed(username, address);
        throw new InvalidAccount("That code is not right");
    }

    private List<String> newRecoveryCodes(String username) {
        List<String> codes = RecoveryCodes.fresh();
        long userId = users.find(username).orElseThrow().id();
        recoveryCodes.replace(userId, codes.stream().map(RecoveryCodes::hash).toList());
        return codes;
    }

    private boolean useRecoveryCode(User user, String code) {
        return RecoveryCodes.looksLikeOne(code) && recoveryCodes.use(user.id(), RecoveryCodes.hash(code));
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
