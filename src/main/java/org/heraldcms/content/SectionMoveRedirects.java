package org.heraldcms.content;

import java.util.Map;

import org.heraldcms.site.Section;
import org.heraldcms.site.Sections;
import org.heraldcms.site.SectionsMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** When sections move, their old list addresses and their published entries' old addresses redirect (301). */
@Component
class SectionMoveRedirects {

    private final Sections sections;
    private final Redirects redirects;
    private final JdbcClient jdbc;

    SectionMoveRedirects(Sections sections, Redirects redirects, JdbcClient jdbc) {
        this.sections = sections;
        this.redirects = redirects;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SectionsMoved moved) {
        moved.oldPaths().forEach((id, paths) -> sections.byId(id).ifPresent(section -> redirect(section, paths)));
    }

    private void redirect(Section section, Map<String, String> oldPaths) {
        oldPaths.forEach((language, oldPath) -> section.in(language).ifPresent(now -> {
            if (now.path().equals(oldPath)) {
                return;
            }
            redirects.add("/" + language + "/" + oldPath + "/", section.listPath(language), "section-moved");
            for (String slug : jdbc.sql("SELECT slug FROM entry WHERE section_id = ? AND language = ? AND status = ?")
                    .params(section.id(), language, EntryStatus.PUBLISHED.code()).query(String.class).list()) {
                redirects.add("/" + language + "/" + oldPath + "/" + slug, section.entryPath(language, slug),
                        "section-moved");
            }
        }));
    }
}
