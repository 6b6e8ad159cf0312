package org.heraldcms.publishing.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.heraldcms.platform.HeraldProperties;
import org.heraldcms.publishing.internal.Links.Alternate;
import org.heraldcms.publishing.internal.Links.LanguageLink;
import org.heraldcms.publishing.internal.Links.MenuItem;
import org.heraldcms.site.Language;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionAccess;
import org.heraldcms.site.Sections;
import org.heraldcms.site.Site;
import org.springframework.stereotype.Component;

/**
 * What every public page has around its content: the language and direction, the menu,
 * the language switcher, the canonical URL and the {@code hreflang} alternates.
 */
@Component
public class Frame {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private final Sections sections;
    private final HeraldProperties properties;
    private final SectionAccess access;

    Frame(Sections sections, HeraldProperties properties, SectionAccess access) {
        this.access = access;
        this.sections = sections;
        this.properties = properties;
    }

    /**
     * @param path         this page's site-relative path
     * @param translations this page in each language it exists in (this one included), by tag
     * @param activeSection the top-level section to mark in the menu, or null
     */
    public Map<String, Object> model(Site site, Language language, String path, Map<String, String> translations,
                                     Section activeSection) {
        Map<String, Object> model = new HashMap<>();
        model.put("site", site);
        model.put("lang", language);
        model.put("home", "/" + language.tag() + "/");
        model.put("canonical", absolute(path));
        model.put("menu", menu(language.tag(), activeSection));
        model.put("memberSignedIn", SectionAccess.currentGroup().isPresent());
        model.put("signInUrl", "/" + language.tag() + "/account/sign-in");
        List<LanguageLink> switcher = new ArrayList<>();
        List<Alternate> alternates = new ArrayList<>();
        for (Language other : site.enabledLanguages()) {
            String url = translations.get(other.tag());
            if (url != null) {
                alternates.add(new Alternate(other.tag(), absolute(url)));
            }
            switcher.add(new LanguageLink(other.tag(), other.nativeName(),
                    url != null ? url : "/" + other.tag() + "/", other.tag().equals(language.tag())));
        }
        String defaultUrl = translations.get(site.defaultLanguage().tag());
        if (defaultUrl != null && alternates.size() > 1) {
            alternates.add(new Alternate("x-default", absolute(defaultUrl)));
        }
        model.put("languages", switcher);
        model.put("alternates", alternates.size() > 1 ? alternates : List.of());
        return model;
    }

    public String absolute(String path) {
        return properties.baseUrlPrefix() + path;
    }

    public static String shown(Instant instant, ZoneId zone) {
        return instant == null ? "" : SHOWN.format(instant.atZone(zone));
    }

    public static String iso(Instant instant, ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).withNano(0));
    }

    private List<MenuItem> menu(String language, Section active) {
        return sections.menu(language).stream().filter(s -> access.canSee(s.id()))
                .map(s -> new MenuItem(s.in(language).orElseThrow().name(), s.listPath(language),
                        active != null && topOf(active) == s.id()))
                .toList();
    }

    private long topOf(Section section) {
        Section s = section;
        while (s.parentId() != null) {
            s = sections.byId(s.parentId()).orElseThrow();
        }
        return s.id();
    }
}
