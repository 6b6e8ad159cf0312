package org.heraldcms.site;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changing the site settings: time zone; per language name, tagline, footer, SEO default, on/off. */
@Service
public class SiteEditor {

    private final SiteSettings settings;
    private final JdbcClient jdbc;

    SiteEditor(SiteSettings settings, JdbcClient jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @Transactional
    public void timeZone(String zone) {
        ZoneId id;
        try {
            id = ZoneId.of(zone == null ? "" : zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + zone + "' is not a time zone (e.g. Europe/Zurich, Asia/Shanghai)");
        }
        jdbc.sql("UPDATE site SET time_zone = ? WHERE id = 1").param(id.getId()).update();
        settings.forget();
    }

    @Transactional
    public void language(String tag, String siteName, String tagline, String footer, String seoDescription,
                         boolean enabled) {
        Language language = settings.current().languages().stream().filter(l -> l.tag().equals(tag)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The site has no language '" + tag + "'"));
        if (language.isDefault() && !enabled) {
            throw new IllegalArgumentException("The default language cannot be switched off");
        }
        String name = clean(siteName, 200);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The site needs a name in " + language.nativeName());
        }
        jdbc.sql("UPDATE language SET site_name = ?, tagline = ?, footer = ?, seo_description = ?, enabled = ? "
                        + "WHERE tag = ?")
                .params(name, clean(tagline, 500), clean(footer, 5000), clean(seoDescription, 500), enabled, tag)
                .update();
        settings.forget();
    }

    private static String clean(String text, int max) {
        StringBuilder out = new StringBuilder();
        (text == null ? "" : text).codePoints().filter(c -> c == '\n' || !Character.isISOControl(c))
                .forEach(out::appendCodePoint);
        String s = out.toString().strip();
        if (s.length() > max) {
            throw new IllegalArgumentException("At most " + max + " characters, please");
        }
        return s;
    }
}
