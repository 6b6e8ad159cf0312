package org.heraldcms.kinds.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which entries a file serves as a document's file, a link's or banner's picture, or a gallery picture. */
@Repository
public class KindMediaRepository {

    /** One use: the entry, its title and language, and what the file is to it. */
    public record Use(long entryId, String title, String language, String what) {
    }

    private final JdbcClient jdbc;

    KindMediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Use> uses(String storedName) {
        return jdbc.sql("SELECT e.id, e.title, e.language, 'document' AS what FROM entry_document d"
                        + " JOIN entry e ON e.id = d.entry_id WHERE d.media_name = :name"
                        + " UNION ALL SELECT e.id, e.title, e.language, 'link' FROM entry_link l"
                        + " JOIN entry e ON e.id = l.entry_id WHERE l.media_name = :name"
                        + " UNION ALL SELECT e.id, e.title, e.language, 'gallery' FROM gallery_image g"
                        + " JOIN entry e ON e.translation_group_id = g.translation_group_id WHERE g.media_name = :name"
                        + " ORDER BY 1")
                .param("name", storedName)
                .query((rs, n) -> new Use(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }
}
