package org.heraldcms.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.heraldcms.identity.internal.LoginThrottle;
import org.heraldcms.identity.internal.ResetTokenRepository;
import org.heraldcms.identity.internal.Sessions;
import org.heraldcms.identity.internal.UserRepository;
import org.heraldcms.mail.Mail;
import org.heraldcms.mail.Mailer;
import org.heraldcms.platform.HeraldProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot password": a random, single-use token that expires after {@link #VALID}, sent by e-mail as a
 * link built from {@code herald.base-url} (never from the request). Only the token's SHA-256 is stored.
 * Asking never tells whether an account exists; asking too often is silently ignored.
 */
@Service
public class PasswordResets {

    public static final Duration VALID = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final ResetTokenRepository tokens;
    private final PasswordEncoder encoder;
    private final Sessions sessions;
    private final Mailer mailer;
    private final HeraldProperties properties;
    private final AuditLog audit;
    private final LoginThrottle limit;

    PasswordResets(UserRepository users, ResetTokenRepository tokens, PasswordEncoder encoder, Sessions sessions,
                   Mailer mailer, HeraldProperties properties, AuditLog audit, LoginThrottle limit) {
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.sessions = sessions;
        this.mailer = mailer;
        this.properties = properties;
        this.audit = audit;
        this.limit = limit;
    }

    /** Sends a link when {@code login} names an enabled account with an e-mail address; else nothing, silently. */
    @Transactional
    public void request(String login, String remoteAddress) {
        String name = login == null ? "" : login.strip();
        if (name.isEmpty() || name.length() > 254 || !limit.resetAllowed(name, remoteAddress)) {
            return;
        }
        limit.resetAsked(name, remoteAddress);
        Optional<User> user = users.findByLogin(name).filter(User::enabled);
        Optional<String> to = user.flatMap(u -> users.email(u.id()));
        if (to.isEmpty()) {
            audit.record(name, "password-reset-asked", "no account with an e-mail address", remoteAddress);
            return;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now();
        tokens.purge(now.minus(Duration.ofDays(1)));
        tokens.insert(hash(token), user.get().id(), now, now.plus(VALID));
        String link = properties.baseUrlPrefix() + "/admin/reset?token=" + token;
        mailer.send(new Mail(to.get(), "Herald: set a new password",
                "Someone (hopefully you) asked to set a new password for the Herald account \""
                        + user.get().username() + "\".\n\nOpen this link within " + VALID.toMinutes()
                        + " minutes to choose one:\n\n" + link
                        + "\n\nThe link works once. If you did not ask, ignore this message; your password stays as it is.\n"));
        audit.record(user.get().username(), "password-reset-asked", "link sent", remoteAddress);
    }

    /** The account a token would reset, while the token is unused and fresh. */
    public Optional<User> check(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return tokens.userOfValid(hash(token), Instant.now()).flatMap(users::find).filter(User::enabled);
    }

    /** Sets the new password, uses up the token and every other token of the account, ends its sessions. */
    @Transactional
    public User reset(String token, char[] password, String remoteAddress) {
        User user = check(token).orElseThrow(() -> new InvalidAccount(
                "This link is not valid any more. Ask for a new one."));
        String hash = encoder.encode(Users.checkedPassword(password));
        Instant now = Instant.now();
        if (!tokens.use(hash(token), now)) {
            throw new InvalidAccount("This link is not valid any more. Ask for a new one.");
        }
        tokens.useAll(user.id(), now);
        users.updatePassword(user.id(), hash);
        sessions.end(user.username());
        limit.succeeded(user.username());
        audit.record(user.username(), "password-reset", "new password set by e-mail link", remoteAddress);
        return user;
    }

    private static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
