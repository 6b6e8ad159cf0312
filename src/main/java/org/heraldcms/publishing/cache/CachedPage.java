package org.heraldcms.publishing.cache;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A rendered public response kept as bytes, plain and gzipped, with the headers to replay.
 *
 * @param lastModified the content's last change when the page was rendered, or null
 * @param entryId the entry the page shows, so a hit can still count a view; null for other pages
 */
record CachedPage(byte[] identity, byte[] gzip, String etag, Instant lastModified, Map<String, List<String>> headers,
                  Long entryId) {

    int weight() {
        return identity.length + gzip.length + 512;
    }
}
