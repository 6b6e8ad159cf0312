package org.heraldcms.kinds.internal;

import java.util.List;
import java.util.Optional;

import org.heraldcms.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class GalleryRepository {

    public record Row(long id, long groupId, int position, String mediaName, String caption) {
    }

    private final JdbcClient jdbc;

    GalleryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> images(long groupId, String language) {
        return jdbc.sql("SELECT i.id, i.translation_group_id, i.position, i.media_name, c.caption FROM gallery_image i"
                        + " LEFT JOIN gallery_caption c ON c.image_id = i.id AND c.language = ?"
                        + " WHERE i.translation_group_id = ? ORDER BY i.position, i.id")
                .params(language, groupId)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("translation_group_id"), rs.getInt("position"),
                        rs.getString("media_name"), rs.getString("caption") == null ? "" : rs.getString("caption")))
                .list();
    }

    public Optional<Row> find(long imageId) {
        return jdbc.sql("SELECT id, translation_group_id, position, media_name FROM gallery_image WHERE id = ?")
                .param(imageId).query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("translation_group_id"),
                        rs.getInt("position"), rs.getString("media_name"), "")).optional();
    }

    public long add(long groupId, String mediaName) {
        long id = Ids.next();
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) FROM gallery_image WHERE translation_group_id = ?")
                .param(groupId).query(Integer.class).single() + 1;
        jdbc.sql("INSERT INTO gallery_image (id, translation_group_id, position, media_name) VALUES (?, ?, ?, ?)")
                .params(id, groupId, position, mediaName).update();
        return id;
    }

    public void caption(long imageId, String language, String caption) {
        jdbc.sql("DELETE FROM gallery_caption WHERE image_id = ? AND language = ?").params(imageId, language).update();
        jdbc.sql("INSERT INTO gallery_caption (image_id, language, caption) VALUES (?, ?, ?)")
                .params(imageId, language, caption).update();
    }

    public void position(long imageId, int position) {
        jdbc.sql("UPDATE gallery_image SET position = ? WHERE id = ?").params(position, imageId).update();
    }

    public void remove(long imageId) {
        jdbc.sql("DELETE FROM gallery_caption WHERE image_id = ?").param(imageId).update();
        jdbc.sql("DELETE FROM gallery_image WHERE id = ?").param(imageId).update();
    }
}
