package org.heraldcms.identity.internal;

import java.util.List;

import org.heraldcms.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** An account's recovery codes, by the SHA-256 of each: the codes themselves are shown once and never kept. */
@Repository
public class RecoveryCodeRepository {

    private final JdbcClient jdbc;

    RecoveryCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's codes become these, and only these. */
    @Transactional
    public void replace(long userId, List<String> codeHashes) {
        deleteAll(userId);
        String now = Timestamps.now();
        for (String hash : codeHashes) {
            jdbc.sql("INSERT INTO recovery_code (user_id, code_hash, created_at) VALUES (?, ?, ?)")
                    .params(userId, hash, now).update();
        }
    }

    /** Marks an unused code used; false when the account has no such unused code (only one caller wins). */
    public boolean use(long userId, String codeHash) {
        return jdbc.sql("UPDATE recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")
                .params(Timestamps.now(), userId, codeHash).update() == 1;
    }

    public int unused(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE user_id = ? AND used_at IS NULL").param(userId)
                .query(Integer.class).single();
    }

    public void deleteAll(long userId) {
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = ?").param(userId).update();
    }
}
