package org.heraldcms.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.heraldcms.site.internal.SectionAccessRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Which sections only signed-in members of a group may see (MetInfo's "access" level). A limit on a
 * section holds for its subsections too, unless a subsection has a limit of its own: the nearest
 * limit up the tree decides (a corner of the members' area for another group). Every public query asks {@link #hidden()} for the sections
 * the current visitor may not see: the one central place where member-only entries are filtered out.
 * The visitor is anonymous unless a request runs inside {@link #as(Long, Supplier)}: background work
 * (feeds, sitemaps, static export, the CLI) therefore never sees member-only entries.
 */
@Service
public class SectionAccess {

    private static final ThreadLocal<Long> GROUP = new ThreadLocal<>();
    /** Never a section id: keeps {@code NOT IN (:hidden)} valid when nothing is hidden. */
    private static final long NONE = -1L;

    private final SectionAccessRepository repository;
    private final Sections sections;
    private final ApplicationEventPublisher events;
    private final AtomicReference<Map<Long, Long>> limits = new AtomicReference<>();

    SectionAccess(SectionAccessRepository repository, Sections sections, ApplicationEventPublisher events) {
        this.repository = repository;
        this.sections = sections;
        this.events = events;
    }

    /** Runs {@code work} as a signed-in member of {@code groupId} (null: anonymous). */
    public static <T> T as(Long groupId, Supplier<T> work) {
        try (Scope scope = enter(groupId)) {
            return work.get();
        }
    }

    /** Sets the visitor's group for this thread until the scope closes (a servlet filter's try-with-resources). */
    public static Scope enter(Long groupId) {
        Long before = GROUP.get();
        GROUP.set(groupId);
        return () -> {
            if (before == null) {
                GROUP.remove();
            } else {
                GROUP.set(before);
            }
        };
    }

    /** Restores the visitor the thread had before {@link #enter(Long)}. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The member group of the current visitor, if signed in. */
    public static Optional<Long> currentGroup() {
        return Optional.ofNullable(GROUP.get());
    }

    /** The group a section (or one of its parents) is limited to; empty when it is public. */
    public Optional<Long> groupOf(long sectionId) {
        return Optional.ofNullable(effective().get(sectionId));
    }

    public boolean isRestricted(long sectionId) {
        return effective().containsKey(sectionId);
    }

    /** Whether the current visitor may see this section's entries. */
    public boolean canSee(long sectionId) {
        Long group = effective().get(sectionId);
        return group == null || group.equals(GROUP.get());
    }

    /** The ids of sections the current visitor may not see; never empty (a sentinel stands in), for {@code NOT IN}. */
    public List<Long> hidden() {
        Long mine = GROUP.get();
        List<Long> hidden = effective().entrySet().stream().filter(e -> !e.getValue().equals(mine))
                .map(Map.Entry::getKey).toList();
        return hidden.isEmpty() ? List.of(NONE) : hidden;
    }

    /** The limits set directly on sections: section id → group id. */
    public Map<Long, Long> limits() {
        return repository.all();
    }

    /** Limits a section to a group's members, or opens it to everyone with a null group. */
    @Transactional
    public void limit(long sectionId, Long groupId) {
        sections.byId(sectionId).orElseThrow(() -> new IllegalArgumentException("There is no section " + sectionId));
        repository.set(sectionId, groupId);
        forget();
    }

    /** Drops the in-memory limits after a change elsewhere (a restore, a deleted group). */
    public void forget() {
        limits.set(null);
        events.publishEvent(new SiteChanged("section-access"));
    }

    /** The tree changed (a section moved under a limited one, say): work the limits out again. */
    @EventListener
    void on(SiteChanged event) {
        if (!"section-access".equals(event.what())) {
            limits.set(null);
        }
    }

    /**
     * Works the limits out again once a change has committed, here or in another process: a request
     * during the transaction may have loaded the limits as they were. First among the listeners, so
     * no page is cached with the old limits after the page cache empties.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void afterCommit(SiteChanged event) {
        limits.set(null);
    }

    private Map<Long, Long> effective() {
        Map<Long, Long> map = limits.get();
        if (map == null) {
            Map<Long, Long> direct = repository.all();
            map = new HashMap<>();
            for (Section s : sections.all()) {
                Long group = null;
                for (Section at = s; at != null && group == null; at = at.parentId() == null ? null
                        : sections.byId(at.parentId()).orElse(null)) {
                    group = direct.get(at.id());
                }
                if (group != null) {
                    map.put(s.id(), group);
                }
            }
            map = Map.copyOf(map);
            limits.set(map);
        }
        return map;
    }
}
