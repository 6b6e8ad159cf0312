package org.heraldcms.content;

import java.util.List;

/**
 * An entry's cover image and attachments, by media item id, as an editor picks them.
 *
 * @param coverId       an image of the media library, or null for no cover
 * @param coverAlt      the cover's alternative text, in the entry's language
 * @param attachmentIds media items offered for download, in order
 */
public record EntryMedia(Long coverId, String coverAlt, List<Long> attachmentIds) {

    public static final EntryMedia NONE = new EntryMedia(null, "", List.of());

    public EntryMedia {
        coverAlt = coverAlt == null ? "" : coverAlt;
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }

    public boolean isEmpty() {
        return coverId == null && attachmentIds.isEmpty();
    }
}
