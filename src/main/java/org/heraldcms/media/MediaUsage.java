package org.heraldcms.media;

import java.util.List;

/**
 * Implemented by a module whose content points at media items (entries' covers and attachments),
 * so a file still in use is not deleted. Each use is described in words an editor understands.
 */
public interface MediaUsage {

    List<String> usesOf(MediaItem item);
}
