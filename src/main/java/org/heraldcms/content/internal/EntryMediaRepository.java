package org.heraldcms.content.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.heraldcms.content.EntryMedia;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Covers and attachments of entries, and the same kept with each revision. */
@Repository
public class EntryMediaRepository {

    private final JdbcClient jdbc;

    EntryMediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public EntryMedia ofEntry(long entryId) {
        Optional<EntryMedia> cover = jdbc.sql("SELECT cover_media_id, cover_alt FROM entry WHERE id = ?").param(entryId)
                .query((rs, n) -> new EntryMedia(nullableLong(rs.getObject(1)), rs.getString(2), List.of()))
                .optional();
        List<Long> attachments = jdbc.sql("SELECT media_id FROM entry_attachment WHERE entry_id = ? ORDER BY position")
                .param(entryId).query(Long.class).list();
        return cover.map(c -> new EntryMedia(c.coverId(), c.coverAlt(), attachments)).orElse(EntryMedia.NONE);
    }

    public void replace(long entryId, EntryMedia media) {
        jdbc.sql("UPDATE entry SET cover_media_id = ?, cover_alt = ? WHERE id = ?")
                .params(media.coverId(), media.coverAlt(), entryId).update();
        jdbc.sql("DELETE FROM entry_attachment WHERE entry_id = ?").param(entryId).update();
        int position = 0;
        for (long mediaId : media.attachmentIds()) {
            jdbc.sql("INSERT INTO entry_attachment (entry_id, media_id, position) VALUES (?, ?, ?)")
                    .params(entryId, mediaId, position++).update();
        }
    }

    public void keepInRevision(long revisionId, EntryMedia media) {
        jdbc.sql("UPDATE revision SET cover_media_id = ?, cover_alt = ?, attachments = ? WHERE id = ?")
                .params(media.coverId(), media.coverAlt(),
                        media.attachmentIds().stream().map(String::valueOf).collect(Collectors.joining(",")), revisionId)
                .update();
    }

    public Optional<EntryMedia> ofRevision(long entryId, int number) {
        return jdbc.sql("SELECT cover_media_id, cover_alt, attachments FROM revision WHERE entry_id = ? AND number = ?")
                .params(entryId, number)
                .query((rs, n) -> new EntryMedia(nullableLong(rs.getObject(1)), rs.getString(2),
                        Arrays.stream(rs.getString(3).split(",")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList()))
                .optional();
    }

    /** entry id → its cover (id and alt text), for the entries of a list that have one. */
    public Map<Long, EntryMedia> covers(Collection<Long> entryIds) {
        Map<Long, EntryMedia> covers = new HashMap<>();
        if (!entryIds.isEmpty()) {
            jdbc.sql("SELECT id, cover_media_id, cover_alt FROM entry WHERE id IN (:ids) AND cover_media_id IS NOT NULL")
                    .param("ids", List.copyOf(entryIds))
                    .query((RowCallbackHandler) rs -> covers.put(rs.getLong(1),
                            new EntryMedia(rs.getLong(2), rs.getString(3), List.of())));
        }
        return covers;
    }

    /**
     * What uses a media item: "the cover of “Title” (en)", "an attachment of “Title” (ru)", "the text of
     * “Title” (zh)" (an entry's body showing the file or one of its variants: they share the name's 32 hex digits).
     */
    public List<String> usesOf(long mediaId, String storedName) {
        List<String> uses = new ArrayList<>();
        String base = storedName.substring(0, Math.min(32, storedName.length()));
        if (base.matches("[0-9a-f]{32}")) {
            jdbc.sql("SELECT title, language FROM entry WHERE body LIKE ? ORDER BY id").param("%/media/" + base + "%")
                    .query((RowCallbackHandler) rs -> uses.add("the text of “" + rs.getString(1) + "” (" + rs.getString(2) + ")"));
        }
        jdbc.sql("SELECT title, language FROM entry WHERE cover_media_id = ? ORDER BY id").param(mediaId)
                .query((RowCallbackHandler) rs -> uses.add("the cover of “" + rs.getString(1) + "” (" + rs.getString(2) + ")"));
        jdbc.sql("SELECT e.title, e.language FROM entry_attachment a JOIN entry e ON e.id = a.entry_id"
                        + " WHERE a.media_id = ? ORDER BY e.id").param(mediaId)
                .query((RowCallbackHandler) rs -> uses.add("an attachment of “" + rs.getString(1) + "” (" + rs.getString(2) + ")"));
        return uses;
    }

    /** The entries whose text, cover or attachments use a file. */
    public List<Long> entriesUsing(long mediaId, String storedName) {
        String base = storedName.substring(0, Math.min(32, storedName.length()));
        return jdbc.sql("SELECT id FROM entry WHERE cover_media_id = :id OR (:base <> '' AND body LIKE :like)"
                        + " UNION SELECT entry_id FROM entry_attachment WHERE media_id = :id")
                .param("id", mediaId).param("base", base.matches("[0-9a-f]{32}") ? base : "")
                .param("like", "%/media/" + base + "%").query(Long.class).list();
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
