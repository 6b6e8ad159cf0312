package org.heraldcms.publishing.cache;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param enabled  serve public pages from memory once rendered
 * @param maxBytes the memory the cached pages may take, plain and gzipped together
 */
@ConfigurationProperties("herald.cache")
public record PageCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("128MB") DataSize maxBytes) {
}
