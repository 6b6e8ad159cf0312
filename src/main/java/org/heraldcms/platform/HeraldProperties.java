package org.heraldcms.platform;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Herald's own settings, under the {@code herald.} prefix.
 *
 * @param dataDir     the data folder: SQLite database, search index, media, theme overrides, backups
 * @param baseUrl     the public address of the site; every absolute link is built from it, never from a request
 * @param theme       the theme's folder name, looked up in the data folder's {@code themes/}, then built in
 * @param demoContent whether a brand-new site is filled with demo content on first start
 */
@ConfigurationProperties("herald")
public record HeraldProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("default") String theme,
        @DefaultValue("true") boolean demoContent) {

    /** The base URL without a trailing slash, ready to prefix a path that starts with '/'. */
    public String baseUrlPrefix() {
        String url = baseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public Path themesDir() {
        return dataDir.resolve("themes");
    }
}
