package org.heraldcms.content;

import java.util.List;

import org.heraldcms.content.internal.EntryMediaRepository;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaUsage;
import org.springframework.stereotype.Component;

/** Tells the media library which entries use a file (cover, attachment, image in the text), so it is not deleted under them. */
@Component
class EntryMediaUsage implements MediaUsage {

    private final EntryMediaRepository media;

    EntryMediaUsage(EntryMediaRepository media) {
        this.media = media;
    }

    @Override
    public List<String> usesOf(MediaItem item) {
        return media.usesOf(item.id(), item.storedName());
    }

    @Override
    public List<Long> entriesUsing(MediaItem item) {
        return media.entriesUsing(item.id(), item.storedName());
    }
}
