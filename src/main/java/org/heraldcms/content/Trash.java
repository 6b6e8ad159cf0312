package org.heraldcms.content;

import java.util.Optional;

import org.heraldcms.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting to the trash and restoring. A trashed entry is archived (off the public site, through
 * {@link Entries#save}, so events fire) and remembered with the status it had; restoring brings that back.
 */
@Service
public class Trash {

    private final Entries entries;
    private final JdbcClient jdbc;

    Trash(Entries entries, JdbcClient jdbc) {
        this.entries = entries;
        this.jdbc = jdbc;
    }

    @Transactional
    public void trash(long id, String by) {
        Entry entry = entries.find(id).orElseThrow(() -> new InvalidEntry("There is no entry " + id));
        if (isTrashed(id)) {
            return;
        }
        jdbc.sql("INSERT INTO entry_trash (entry_id, previous_status, trashed_at, trashed_by) VALUES (?, ?, ?, ?)")
                .params(id, entry.status().code(), Timestamps.now(), by).update();
        entries.save(withStatus(entry, EntryStatus.ARCHIVED), by);
    }

    @Transactional
    public void restore(long id, String by) {
        Entry entry = entries.find(id).orElseThrow(() -> new InvalidEntry("There is no entry " + id));
        Optional<String> previous = jdbc.sql("SELECT previous_status FROM entry_trash WHERE entry_id = ?").param(id)
                .query(String.class).optional();
        if (previous.isEmpty()) {
            throw new InvalidEntry("The entry " + id + " is not in the trash");
        }
        jdbc.sql("DELETE FROM entry_trash WHERE entry_id = ?").param(id).update();
        entries.save(withStatus(entry, EntryStatus.of(previous.get())), by);
    }

    public boolean isTrashed(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM entry_trash WHERE entry_id = ?").param(id).query(Long.class).single() > 0;
    }

    private static EntryDraft withStatus(Entry e, EntryStatus status) {
        EntryDraft d = EntryDraft.from(e);
        return new EntryDraft(d.id(), null, d.language(), d.sectionId(), d.title(), d.slug(), d.summary(), d.body(),
                d.author(), d.source(), d.publishedAt(), status, d.featured(), d.tags(), d.seoTitle(),
                d.seoDescription());
    }
}
