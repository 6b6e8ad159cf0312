package org.heraldcms.site;

/** Something every public page may show changed: languages, site settings or the sections tree. */
public record SiteChanged(String what) {
}
