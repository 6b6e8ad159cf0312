package org.heraldcms.migration;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A page captured from an old site: its title, the metadata line if it had one, and its
 * body paragraphs as plain text (no-break spaces kept).
 */
public record CapturedPage(String title, Optional<LocalDateTime> publishedAt, String author, String source,
                           List<String> paragraphs) {

    public CapturedPage {
        paragraphs = List.copyOf(paragraphs);
    }

    /** Whether the capture had its metadata line (date, time, author); pages without it need a look. */
    public boolean hasMetadata() {
        return publishedAt.isPresent();
    }
}
