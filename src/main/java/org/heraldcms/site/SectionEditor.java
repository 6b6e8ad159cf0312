package org.heraldcms.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.heraldcms.text.Slugs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing the sections tree: names per language, order, place in the tree, deletion. Addresses
 * (slugs) stay as they are on a rename; a move rewrites the paths of the section and everything below
 * and announces {@link SectionsMoved}, so the old addresses can redirect.
 * Every change ends with {@link Sections#forget()} so the next request sees it.
 */
@Service
public class SectionEditor {

    private final Sections sections;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    SectionEditor(Sections sections, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.sections = sections;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Names the section in a language: renames it, or gives it a first name (and address) there. */
    @Transactional
    public void rename(long id, String language, String name) {
        Section section = existing(id);
        String cleaned = clean(name);
        if (cleaned.isEmpty() || cleaned.length() > 200) {
            throw new IllegalArgumentException("A section name is 1 to 200 characters");
        }
        if (section.in(language).isPresent()) {
            jdbc.sql("UPDATE section_name SET name = ? WHERE section_id = ? AND language = ?")
                    .params(cleaned, id, language).update();
        } else {
            String slug = Slugs.of(cleaned);
            String path = pathUnder(section.parentId(), language, slug);
            jdbc.sql("INSERT INTO section_name (section_id, language, name, slug, path) VALUES (?, ?, ?, ?, ?)")
                    .params(id, language, cleaned, slug, path).update();
        }
        sections.forget();
    }

    @Transactional
    public void order(long id, int position) {
        existing(id);
        jdbc.sql("UPDATE section SET position = ? WHERE id = ?").params(position, id).update();
        sections.forget();
    }

    /** Moves a section (and its subtree) under another parent, or to the top with {@code null}. */
    @Transactional
    public void move(long id, Long parentId) {
        Section section = existing(id);
        for (Long p = parentId; p != null; p = existing(p).parentId()) {
            if (p == id) {
                throw new IllegalArgumentException("A section cannot move inside itself");
            }
        }
        Map<Long, Map<String, String>> oldPaths = new HashMap<>();
        for (Section s : subtree(id)) {
            Map<String, String> paths = new HashMap<>();
            s.names().forEach((language, n) -> paths.put(language, n.path()));
            oldPaths.put(s.id(), paths);
        }
        jdbc.sql("UPDATE section SET parent_id = ? WHERE id = ?").params(parentId, id).update();
        for (Map.Entry<String, SectionName> e : section.names().entrySet()) {
            String language = e.getKey();
            String oldPath = e.getValue().path();
            String newPath = pathUnder(parentId, language, e.getValue().slug());
            for (Section s : subtree(id)) {
                s.in(language).ifPresent(n -> jdbc.sql("UPDATE section_name SET path = ? WHERE section_id = ? AND language = ?")
                        .params(newPath + n.path().substring(oldPath.length()), s.id(), language).update());
            }
        }
        sections.forget();
        events.publishEvent(new SectionsMoved(oldPaths));
    }

    /** Deletes an empty section; one with entries or sub-sections is refused with the reason. */
    @Transactional
    public void delete(long id) {
        existing(id);
        if (sections.all().stream().anyMatch(s -> Long.valueOf(id).equals(s.parentId()))) {
            throw new IllegalArgumentException("This section has sub-sections: move or delete them first");
        }
        long entries = jdbc.sql("SELECT COUNT(*) FROM entry WHERE section_id = ?").param(id).query(Long.class).single();
        if (entries > 0) {
            throw new IllegalArgumentException("This section holds " + entries + (entries == 1 ? " entry" : " entries")
                    + ": move or delete them first");
        }
        jdbc.sql("DELETE FROM section_name WHERE section_id = ?").param(id).update();
        jdbc.sql("DELETE FROM section WHERE id = ?").param(id).update();
        sections.forget();
    }

    private String pathUnder(Long parentId, String language, String slug) {
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("The name gives no usable address");
        }
        if (parentId == null) {
            if (Sections.RESERVED_SLUGS.contains(slug)) {
                throw new IllegalArgumentException("'" + slug + "' is reserved for the public site");
            }
            return checkedFree(language, slug);
        }
        SectionName parent = existing(parentId).in(language)
                .orElseThrow(() -> new IllegalArgumentException("The parent section has no name in " + language));
        return checkedFree(language, parent.path() + "/" + slug);
    }

    private String checkedFree(String language, String path) {
        if (sections.byPath(language, path).isPresent()) {
            throw new IllegalArgumentException("A section already lives at /" + language + "/" + path + "/");
        }
        return path;
    }

    private List<Section> subtree(long id) {
        return sections.all().stream().filter(s -> isWithin(s, id)).toList();
    }

    private boolean isWithin(Section s, long root) {
        for (Long p = s.id(); p != null; p = sections.byId(p).map(Section::parentId).orElse(null)) {
            if (p == root) {
                return true;
            }
        }
        return false;
    }

    private Section existing(long id) {
        return sections.byId(id).orElseThrow(() -> new IllegalArgumentException("There is no section " + id));
    }

    private static String clean(String text) {
        StringBuilder out = new StringBuilder();
        (text == null ? "" : text).codePoints().filter(c -> !Character.isISOControl(c)).forEach(out::appendCodePoint);
        return out.toString().strip();
    }
}
