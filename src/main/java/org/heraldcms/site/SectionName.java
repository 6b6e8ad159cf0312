package org.heraldcms.site;

/**
 * @param path the slugs from the top of the tree joined by '/', e.g. {@code about/history}
 */
public record SectionName(String name, String slug, String path) {
}
