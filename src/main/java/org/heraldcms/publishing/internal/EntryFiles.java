package org.heraldcms.publishing.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryCard;
import org.heraldcms.content.EntryMedia;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.springframework.stereotype.Component;

/** An entry's cover as a responsive picture and its attachments as downloads, for the templates. */
@Component
public class EntryFiles {

    static final String ENTRY_SIZES = "(min-width: 50em) 46em, 100vw";
    static final String CARD_SIZES = "(min-width: 50em) 12em, 100vw";

    /** An {@code <img>} with {@code srcset} from the media variants; width and height keep the layout stable. */
    public record Picture(String src, String srcset, String sizes, int width, int height, String alt,
                          String shareUrl, int shareWidth, int shareHeight) {
    }

    public record Download(String name, String url, String contentType, String kind, String size) {
    }

    private final Entries entries;
    private final MediaLibrary library;

    EntryFiles(Entries entries, MediaLibrary library) {
        this.entries = entries;
        this.library = library;
    }

    /** The entry page's cover (or null) and downloads. */
    public Map<String, Object> of(Entry entry) {
        EntryMedia media = entries.media(entry.id());
        List<Long> ids = new ArrayList<>(media.attachmentIds());
        if (media.coverId() != null) {
            ids.add(media.coverId());
        }
        Map<Long, MediaItem> items = library.find(ids).stream().collect(Collectors.toMap(MediaItem::id, Function.identity()));
        Map<String, Object> model = new HashMap<>();
        MediaItem cover = media.coverId() == null ? null : items.get(media.coverId());
        if (cover != null && cover.isImage()) {
            model.put("cover", picture(cover, alt(media, entry.title()), ENTRY_SIZES));
        }
        model.put("downloads", media.attachmentIds().stream().map(items::get).filter(Objects::nonNull)
                .map(m -> new Download(m.originalName(), m.url(), m.contentType(), m.kind(), m.sizeText())).toList());
        return model;
    }

    /** entry id → cover picture, for the cards of a list. */
    public Map<Long, Picture> covers(List<EntryCard> cards) {
        Map<Long, EntryMedia> covers = entries.covers(cards.stream().map(EntryCard::id).toList());
        if (covers.isEmpty()) {
            return Map.of();
        }
        Map<Long, MediaItem> items = library.find(covers.values().stream().map(EntryMedia::coverId).toList()).stream()
                .collect(Collectors.toMap(MediaItem::id, Function.identity()));
        Map<Long, Picture> pictures = new HashMap<>();
        for (EntryCard card : cards) {
            EntryMedia media = covers.get(card.id());
            MediaItem item = media == null ? null : items.get(media.coverId());
            if (item != null && item.isImage()) {
                pictures.put(card.id(), picture(item, media.coverAlt(), CARD_SIZES));
            }
        }
        return pictures;
    }

    private static String alt(EntryMedia media, String title) {
        return media.coverAlt().isBlank() ? title : media.coverAlt();
    }

    private static Picture picture(MediaItem item, String alt, String sizes) {
        String src = item.variantWidths().contains(768) ? item.variantUrl(768) : item.url();
        return new Picture(src, item.srcset(), sizes, item.width(), item.height(), alt, item.largestUrl(),
                item.largestWidth(), item.largestHeight());
    }
}
