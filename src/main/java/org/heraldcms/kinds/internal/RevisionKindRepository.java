package org.heraldcms.kinds.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The kind fields of each revision saved through KindEntries, as a kind code and JSON. */
@Repository
public class RevisionKindRepository {

    /** What a revision's kind fields were: {@code kind} a code ("vacancy", "none"...), {@code fields} JSON. */
    public record Snapshot(int number, String kind, String fields) {
    }

    private final JdbcClient jdbc;

    RevisionKindRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void put(long entryId, int number, String kind, String fields) {
        jdbc.sql("DELETE FROM revision_kind WHERE entry_id = ? AND number = ?").params(entryId, number).update();
        jdbc.sql("INSERT INTO revision_kind (entry_id, number, kind, fields) VALUES (?, ?, ?, ?)")
                .params(entryId, number, kind, fields).update();
    }

    /** The snapshot a revision had: its own, else the latest before it (saves elsewhere keep the fields). */
    public Optional<Snapshot> at(long entryId, int number) {
        return jdbc.sql("SELECT number, kind, fields FROM revision_kind WHERE entry_id = ? AND number <= ?"
                        + " ORDER BY number DESC LIMIT 1")
                .params(entryId, number)
                .query((rs, n) -> new Snapshot(rs.getInt("number"), rs.getString("kind"), rs.getString("fields")))
                .optional();
    }
}
