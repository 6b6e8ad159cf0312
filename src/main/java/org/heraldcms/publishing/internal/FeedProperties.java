package org.heraldcms.publishing.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Feeds and sitemaps, under {@code herald.feeds.} and {@code herald.sitemaps.}.
 *
 * @param fullContent whether feed entries carry the whole body (else the summary only)
 * @param size        how many of the newest entries a feed lists
 */
@ConfigurationProperties("herald.feeds")
public record FeedProperties(@DefaultValue("true") boolean fullContent, @DefaultValue("20") int size) {

    public FeedProperties {
        if (size < 1 || size > 500) {
            throw new IllegalArgumentException("herald.feeds.size is between 1 and 500, not " + size);
        }
    }
}
