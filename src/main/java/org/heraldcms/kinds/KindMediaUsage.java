package org.heraldcms.kinds;

import java.util.List;

import org.heraldcms.kinds.internal.KindMediaRepository;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaUsage;
import org.springframework.stereotype.Component;

/** Tells the media library which documents, links, banners and galleries use a file. */
@Component
class KindMediaUsage implements MediaUsage {

    private final KindMediaRepository media;

    KindMediaUsage(KindMediaRepository media) {
        this.media = media;
    }

    @Override
    public List<String> usesOf(MediaItem item) {
        return media.uses(item.storedName()).stream().map(u -> switch (u.what()) {
            case "document" -> "the file of the document “" + u.title() + "” (" + u.language() + ")";
            case "link" -> "the picture of “" + u.title() + "” (" + u.language() + ")";
            default -> "a picture of the gallery “" + u.title() + "” (" + u.language() + ")";
        }).toList();
    }

    @Override
    public List<Long> entriesUsing(MediaItem item) {
        return media.uses(item.storedName()).stream().map(KindMediaRepository.Use::entryId).distinct().toList();
    }
}
