package org.heraldcms.site.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SectionAccessRepository {

    private final JdbcClient jdbc;

    SectionAccessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, Long> all() {
        Map<Long, Long> map = new HashMap<>();
        jdbc.sql("SELECT section_id, group_id FROM section_access").query(rs -> {
            map.put(rs.getLong("section_id"), rs.getLong("group_id"));
        });
        return map;
    }

    public void set(long sectionId, Long groupId) {
        jdbc.sql("DELETE FROM section_access WHERE section_id = ?").param(sectionId).update();
        if (groupId != null) {
            jdbc.sql("INSERT INTO section_access (section_id, group_id) VALUES (?, ?)").params(sectionId, groupId).update();
        }
    }
}
