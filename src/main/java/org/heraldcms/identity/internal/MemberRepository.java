package org.heraldcms.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.heraldcms.identity.Member;
import org.heraldcms.identity.MemberGroup;
import org.heraldcms.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MemberRepository {

    private static final String COLUMNS = "id, username, display_name, group_id, enabled, created_at";

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Stored(Member member, String hash) {
    }

    public List<MemberGroup> groups() {
        return jdbc.sql("SELECT id, name FROM member_group ORDER BY name")
                .query((rs, n) -> new MemberGroup(rs.getLong("id"), rs.getString("name"))).list();
    }

    public void insertGroup(MemberGroup group) {
        jdbc.sql("INSERT INTO member_group (id, name, created_at) VALUES (?, ?, ?)")
                .params(group.id(), group.name(), Timestamps.now()).update();
    }

    public List<Member> members() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM member ORDER BY username").query(MemberRepository::member).list();
    }

    public Optional<Member> member(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM member WHERE id = ?").param(id).query(MemberRepository::member)
                .optional();
    }

    public Optional<Stored> byUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM member WHERE username = ?").param(username)
                .query((rs, n) -> new Stored(member(rs, n), rs.getString("password_hash"))).optional();
    }

    public void insertMember(Member m, String hash) {
        jdbc.sql("INSERT INTO member (id, username, display_name, password_hash, group_id, enabled, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(m.id(), m.username(), m.displayName(), hash, m.groupId(), m.enabled(),
                        Timestamps.format(m.createdAt()))
                .update();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE member SET enabled = ? WHERE id = ?").params(enabled, id).update();
    }

    public void deleteMember(long id) {
        jdbc.sql("DELETE FROM member WHERE id = ?").param(id).update();
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getLong("group_id"), rs.getBoolean("enabled"), Timestamps.parse(rs.getString("created_at")));
    }
}
