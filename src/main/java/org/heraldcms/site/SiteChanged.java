package org.heraldcms.site;

/** Something every public page may show changed: languages, site settings or the sections tree. */
public record SiteChanged(String what) {

    /** Another Herald process changed the shared database: whatever is kept in memory is to be read again. */
    public static final String ELSEWHERE = "elsewhere";
}
