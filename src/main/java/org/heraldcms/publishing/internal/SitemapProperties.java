package org.heraldcms.publishing.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param urlsPerFile at most this many URLs in one sitemap file; the protocol allows 50,000 */
@ConfigurationProperties("herald.sitemaps")
public record SitemapProperties(@DefaultValue("50000") int urlsPerFile) {

    public SitemapProperties {
        if (urlsPerFile < 1 || urlsPerFile > 50_000) {
            throw new IllegalArgumentException("herald.sitemaps.urls-per-file is between 1 and 50000, not " + urlsPerFile);
        }
    }
}
