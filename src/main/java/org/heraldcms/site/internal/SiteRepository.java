package org.heraldcms.site.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.heraldcms.platform.Timestamps;
import org.heraldcms.site.Language;
import org.heraldcms.site.Site;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SiteRepository {

    private final JdbcClient jdbc;

    SiteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Site> load() {
        Optional<String> zone = jdbc.sql("SELECT time_zone FROM site WHERE id = 1").query(String.class).optional();
        return zone.map(z -> new Site(ZoneId.of(z), languages()));
    }

    public void insert(ZoneId timeZone) {
        jdbc.sql("INSERT INTO site (id, time_zone, created_at) VALUES (1, ?, ?)")
                .params(timeZone.getId(), Timestamps.now()).update();
    }

    public void insert(Language l) {
        jdbc.sql("""
                INSERT INTO language (tag, native_name, position, enabled, is_default, site_name, tagline, footer, seo_description)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(l.tag(), l.nativeName(), l.position(), l.enabled(), l.isDefault(), l.siteName(),
                        l.tagline(), l.footer(), l.seoDescription())
                .update();
    }

    private List<Language> languages() {
        return jdbc.sql("""
                SELECT tag, native_name, position, enabled, is_default, site_name, tagline, footer, seo_description
                FROM language ORDER BY position, tag""")
                .query((rs, n) -> new Language(rs.getString("tag"), rs.getString("native_name"), rs.getInt("position"),
                        rs.getBoolean("enabled"), rs.getBoolean("is_default"), rs.getString("site_name"),
                        rs.getString("tagline"), rs.getString("footer"), rs.getString("seo_description")))
                .list();
    }
}
