package org.heraldcms.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.heraldcms.platform.Ids;
import org.heraldcms.site.internal.SectionRepository;
import org.heraldcms.text.Slugs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The sections tree. Small and read on every request, so the whole tree is kept in memory
 * and reloaded after a change.
 */
@Service
public class Sections {

    /** First path segments the public site uses for itself; no top-level section may take them. */
    public static final Set<String> RESERVED_SLUGS =
            Set.of("tags", "search", "archive", "page", "feed", "api", "admin", "media", "theme", "actuator",
                    "forms", "account");

    private final SectionRepository repository;
    private final ApplicationEventPublisher events;
    private final AtomicReference<Tree> tree = new AtomicReference<>();

    Sections(SectionRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    public List<Section> all() {
        return tree().sections;
    }

    public Optional<Section> byId(long id) {
        return Optional.ofNullable(tree().byId.get(id));
    }

    /** The section at {@code path} (slugs joined by '/') in a language. */
    public Optional<Section> byPath(String language, String path) {
        return Optional.ofNullable(tree().byPath.get(language + ":" + path));
    }

    /** The top-level sections shown in a language's main menu, in order. */
    public List<Section> menu(String language) {
        return all().stream()
                .filter(s -> s.parentId() == null && s.inMenu() && s.in(language).isPresent())
                .toList();
    }

    @Transactional
    public Section create(NewSection request) {
        Section parent = request.parentId() == null ? null : byId(request.parentId())
                .orElseThrow(() -> new IllegalArgumentException("No parent section " + request.parentId()));
        Map<String, SectionName> names = new HashMap<>();
        request.names().forEach((language, name) -> {
            String slug = request.slugs().getOrDefault(language, Slugs.of(name));
            if (!Slugs.isValid(slug)) {
                throw new IllegalArgumentException("The section name '" + name + "' gives no usable slug in " + language);
            }
            if (parent == null && RESERVED_SLUGS.contains(slug)) {
                throw new IllegalArgumentException("'" + slug + "' is reserved for the public site");
            }
            String path = parent == null ? slug : parent.in(language)
                    .orElseThrow(() -> new IllegalArgumentException("The parent section has no name in " + language))
                    .path() + "/" + slug;
            if (byPath(language, path).isPresent()) {
                throw new IllegalArgumentException("A section already lives at /" + language + "/" + path + "/");
            }
            names.put(language, new SectionName(name.strip(), slug, path));
        });
        Section section = new Section(Ids.next(), request.parentId(), request.kind(), request.position(),
                request.inMenu(), names);
        repository.insert(section);
        forget();
        return section;
    }

    /** Drops the in-memory tree after a change; the next read reloads it, and public pages are re-rendered. */
    public void forget() {
        tree.set(null);
        events.publishEvent(new SiteChanged("sections"));
    }

    private Tree tree() {
        Tree t = tree.get();
        if (t == null) {
            t = new Tree(repository.all());
            tree.set(t);
        }
        return t;
    }

    private static final class Tree {
        final List<Section> sections;
        final Map<Long, Section> byId = new HashMap<>();
        final Map<String, Section> byPath = new HashMap<>();

        Tree(List<Section> sections) {
            this.sections = List.copyOf(sections);
            for (Section s : sections) {
                byId.put(s.id(), s);
                s.names().forEach((language, name) -> byPath.put(language + ":" + name.path(), s));
            }
        }
    }

    /**
     * Reads the database again after a change commits, here or in another Herald process: a request
     * during the transaction may have loaded what was there before. First among the listeners, so
     * pages rendered after the page cache empties see the new state. Announces nothing itself.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(SiteChanged event) {
        tree.set(null);
    }
}
