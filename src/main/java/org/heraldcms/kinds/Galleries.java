package org.heraldcms.kinds;

import java.util.ArrayList;
import java.util.List;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryPublished;
import org.heraldcms.content.InvalidEntry;
import org.heraldcms.kinds.internal.GalleryRepository;
import org.heraldcms.media.MediaLibrary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The images of a gallery: they belong to the gallery's translation group (one set for every
 * language), in an order, each with a caption per language. A change is announced like a save of
 * the gallery's published entries, so caches and search follow.
 */
@Service
public class Galleries {

    private final GalleryRepository images;
    private final MediaLibrary media;
    private final Entries entries;
    private final ApplicationEventPublisher events;

    Galleries(GalleryRepository images, MediaLibrary media, Entries entries, ApplicationEventPublisher events) {
        this.images = images;
        this.media = media;
        this.entries = entries;
        this.events = events;
    }

    /** The pictures of an entry's gallery with captions in its language; images whose file is gone are left out. */
    public List<GalleryPicture> pictures(Entry entry) {
        List<GalleryPicture> out = new ArrayList<>();
        for (var row : images.images(entry.translationGroupId(), entry.language())) {
            media.find(row.mediaName()).filter(m -> m.isImage())
                    .ifPresent(m -> out.add(new GalleryPicture(row.id(), row.position(), m, row.caption())));
        }
        return out;
    }

    @Transactional
    public long add(Entry entry, String mediaName, String caption) {
        media.find(mediaName).filter(m -> m.isImage())
                .orElseThrow(() -> new InvalidEntry("There is no image " + mediaName + " in the media library"));
        long id = images.add(entry.translationGroupId(), mediaName);
        images.caption(id, entry.language(), Plain.of(caption, 1000, "A caption"));
        announce(entry);
        return id;
    }

    @Transactional
    public void caption(Entry entry, long imageId, String caption) {
        check(entry, imageId);
        images.caption(imageId, entry.language(), Plain.of(caption, 1000, "A caption"));
        announce(entry);
    }

    /** Moves an image one place earlier ({@code -1}) or later ({@code 1}). */
    @Transactional
    public void move(Entry entry, long imageId, int by) {
        check(entry, imageId);
        List<GalleryRepository.Row> rows = new ArrayList<>(images.images(entry.translationGroupId(), entry.language()));
        int at = indexOf(rows, imageId);
        int to = Math.max(0, Math.min(rows.size() - 1, at + Integer.signum(by)));
        rows.add(to, rows.remove(at));
        for (int i = 0; i < rows.size(); i++) {
            images.position(rows.get(i).id(), i + 1);
        }
        announce(entry);
    }

    @Transactional
    public void remove(Entry entry, long imageId) {
        check(entry, imageId);
        images.remove(imageId);
        announce(entry);
    }

    private void check(Entry entry, long imageId) {
        images.find(imageId).filter(r -> r.groupId() == entry.translationGroupId())
                .orElseThrow(() -> new InvalidEntry("This gallery has no image " + imageId));
    }

    private static int indexOf(List<GalleryRepository.Row> rows, long id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                return i;
            }
        }
        throw new InvalidEntry("This gallery has no image " + id);
    }

    private void announce(Entry entry) {
        for (Entry e : entries.publishedTranslations(entry)) {
            events.publishEvent(new EntryPublished(e.id(), e.language()));
        }
    }
}
