package org.heraldcms.identity.internal;

import java.time.Instant;
import java.util.Optional;

import org.heraldcms.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Password-reset tokens, by the SHA-256 of the token: the token itself is only ever in the e-mail. */
@Repository
public class ResetTokenRepository {

    private final JdbcClient jdbc;

    ResetTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, long userId, Instant created, Instant expires) {
        jdbc.sql("INSERT INTO password_reset (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(tokenHash, userId, Timestamps.format(created), Timestamps.format(expires)).update();
    }

    /** The account of a token that is neither used nor expired. */
    public Optional<Long> userOfValid(String tokenHash, Instant now) {
        return jdbc.sql("SELECT user_id FROM password_reset WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(tokenHash, Timestamps.format(now)).query(Long.class).optional();
    }

    /** Marks a valid token used; false when it was not valid (used, expired, unknown) — only one caller wins. */
    public boolean use(String tokenHash, Instant now) {
        return jdbc.sql("UPDATE password_reset SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(Timestamps.format(now), tokenHash, Timestamps.format(now)).update() == 1;
    }

    /** Every other token of the account stops working (a new password was set). */
    public void useAll(long userId, Instant now) {
        jdbc.sql("UPDATE password_reset SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
                .params(Timestamps.format(now), userId).update();
    }

    /** Old rows go: kept a day after they expire, for the audit's sake. */
    public void purge(Instant before) {
        jdbc.sql("DELETE FROM password_reset WHERE expires_at < ?").param(Timestamps.format(before)).update();
    }
}
