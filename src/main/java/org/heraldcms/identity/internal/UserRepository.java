package org.heraldcms.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.heraldcms.identity.Role;
import org.heraldcms.identity.User;
import org.heraldcms.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private static final String COLUMNS = "id, username, display_name, role, enabled, created_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(User u, String passwordHash) {
        jdbc.sql("INSERT INTO app_user (id, username, display_name, password_hash, role, enabled, created_at, "
                        + "password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(u.id(), u.username(), u.displayName(), passwordHash, u.role().code(), u.enabled(),
                        Timestamps.format(u.createdAt()), Timestamps.format(u.createdAt()))
                .update();
    }

    public Optional<User> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ?").param(username)
                .query(UserRepository::user).optional();
    }

    public Optional<User> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ?").param(id)
                .query(UserRepository::user).optional();
    }

    public Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(username)
                .query(String.class).optional();
    }

    public List<User> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username").query(UserRepository::user).list();
    }

    public boolean anyWithRole(Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = ? AND enabled = ?").params(role.code(), true)
                .query(Long.class).single() > 0;
    }

    public void updatePassword(long id, String hash) {
        jdbc.sql("UPDATE app_user SET password_hash = ?, password_changed_at = ? WHERE id = ?")
                .params(hash, Timestamps.now(), id).update();
    }

    public void updateRole(long id, Role role, boolean enabled) {
        jdbc.sql("UPDATE app_user SET role = ?, enabled = ? WHERE id = ?").params(role.code(), enabled, id).update();
    }

    public Optional<String> email(long id) {
        return jdbc.sql("SELECT email FROM app_user WHERE id = ?").param(id).query(String.class).optional()
                .filter(e -> e != null && !e.isBlank());
    }

    public void updateEmail(long id, String email) {
        jdbc.sql("UPDATE app_user SET email = ? WHERE id = ?").params(email, id).update();
    }

    /** The account whose username, or whose e-mail address (any case), is {@code login}. */
    public Optional<User> findByLogin(String login) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ? OR LOWER(email) = LOWER(?) "
                        + "ORDER BY id LIMIT 1").params(login, login)
                .query(UserRepository::user).optional();
    }

    public Optional<String> totpSecret(String username) {
        return jdbc.sql("SELECT totp_secret FROM app_user WHERE username = ?").param(username).query(String.class)
                .optional().filter(s -> s != null && !s.isBlank());
    }

    public void updateTotpSecret(String username, String secret) {
        jdbc.sql("UPDATE app_user SET totp_secret = ? WHERE username = ?").params(secret, username).update();
    }

    public boolean claimSetup() {
        return jdbc.sql("INSERT INTO setup_claim (id, claimed_at) SELECT 1, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM setup_claim)").param(Timestamps.now()).update() == 1;
    }

    private static User user(ResultSet rs, int row) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.of(rs.getString("role")), rs.getBoolean("enabled"), Timestamps.parse(rs.getString("created_at")));
    }
}
