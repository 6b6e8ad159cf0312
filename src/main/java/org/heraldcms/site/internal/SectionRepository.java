package org.heraldcms.site.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.SectionName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SectionRepository {

    private final JdbcClient jdbc;

    SectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The whole tree, parents before children, siblings in order. */
    public List<Section> all() {
        Map<Long, Map<String, SectionName>> names = new HashMap<>();
        jdbc.sql("SELECT section_id, language, name, slug, path FROM section_name").query(rs -> {
            names.computeIfAbsent(rs.getLong("section_id"), id -> new LinkedHashMap<>())
                    .put(rs.getString("language"),
                            new SectionName(rs.getString("name"), rs.getString("slug"), rs.getString("path")));
        });
        List<Section> rows = jdbc.sql("SELECT id, parent_id, kind, position, in_menu FROM section ORDER BY position, id")
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    long parent = rs.getLong("parent_id");
                    return new Section(id, rs.wasNull() ? null : parent, SectionKind.of(rs.getString("kind")),
                            rs.getInt("position"), rs.getBoolean("in_menu"), names.getOrDefault(id, Map.of()));
                })
                .list();
        return treeOrder(rows);
    }

    public void insert(Section section) {
        jdbc.sql("INSERT INTO section (id, parent_id, kind, position, in_menu) VALUES (?, ?, ?, ?, ?)")
                .params(section.id(), section.parentId(), section.kind().code(), section.position(), section.inMenu())
                .update();
        section.names().forEach((language, name) -> jdbc.sql("""
                        INSERT INTO section_name (section_id, language, name, slug, path) VALUES (?, ?, ?, ?, ?)""")
                .params(section.id(), language, name.name(), name.slug(), name.path())
                .update());
    }

    private static List<Section> treeOrder(List<Section> rows) {
        Map<Long, List<Section>> children = new HashMap<>();
        for (Section s : rows) {
            children.computeIfAbsent(s.parentId(), p -> new ArrayList<>()).add(s);
        }
        List<Section> ordered = new ArrayList<>(rows.size());
        addSubtree(null, children, ordered);
        return ordered;
    }

    private static void addSubtree(Long parent, Map<Long, List<Section>> children, List<Section> out) {
        for (Section s : children.getOrDefault(parent, List.of())) {
            out.add(s);
            addSubtree(s.id(), children, out);
        }
    }
}
