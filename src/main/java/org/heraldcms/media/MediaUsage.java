package org.heraldcms.media;

import java.util.List;

/**
 * Implemented by a module whose content points at media items (entries' covers and attachments,
 * documents' files, gallery pictures, link and banner images), so a file still in use is not
 * deleted, and an old address of a file is followed only by a visitor who may see some content
 * using it.
 */
public interface MediaUsage {

    /** Each use of the item, in words an editor understands. */
    List<String> usesOf(MediaItem item);

    /** The ids of the entries using the item, whatever their status. */
    List<Long> entriesUsing(MediaItem item);
}
