package org.heraldcms.kinds;

import org.heraldcms.media.MediaItem;

/** One image of a gallery, in the gallery's order, with its caption in one language ("" when it has none). */
public record GalleryPicture(long id, int position, MediaItem media, String caption) {
}
