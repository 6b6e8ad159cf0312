package org.heraldcms.site;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.heraldcms.site.internal.SiteRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The site and its languages. Read on every public request, so kept in memory and
 * reloaded when changed through this service.
 */
@Service
public class SiteSettings {

    private final SiteRepository repository;
    private final ApplicationEventPublisher events;
    private final AtomicReference<Optional<Site>> current = new AtomicReference<>();

    SiteSettings(SiteRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    public boolean exists() {
        return site().isPresent();
    }

    public Optional<Site> site() {
        Optional<Site> site = current.get();
        if (site == null || site.isEmpty()) {
            site = repository.load();
            current.set(site);
        }
        return site;
    }

    /** The site; it always exists once Herald has started. */
    public Site current() {
        return site().orElseThrow(() -> new IllegalStateException("The site has not been set up"));
    }

    /** Creates the site with its languages; exactly one must be the default. */
    @Transactional
    public Site create(ZoneId timeZone, List<Language> languages) {
        if (languages.stream().filter(Language::isDefault).count() != 1) {
            throw new IllegalArgumentException("Exactly one language must be the default");
        }
        repository.insert(timeZone);
        languages.forEach(repository::insert);
        forget();
        return new Site(timeZone, languages);
    }

    /** Adds a language to the site (an import bringing content in a new language); it must not be the default. */
    @Transactional
    public Site addLanguage(Language language) {
        Site site = current();
        if (site.languages().stream().anyMatch(l -> l.tag().equals(language.tag()))) {
            throw new IllegalArgumentException("The site already has the language '" + language.tag() + "'");
        }
        if (language.isDefault()) {
            throw new IllegalArgumentException("A language added later cannot be the default");
        }
        repository.insert(language);
        forget();
        return current();
    }

    /** Drops the in-memory site after a change; the next read reloads it, and public pages are re-rendered. */
    public void forget() {
        current.set(null);
        events.publishEvent(new SiteChanged("site"));
    }

    /**
     * Reads the database again after a change commits, here or in another Herald process: a request
     * during the transaction may have loaded what was there before. First among the listeners, so
     * pages rendered after the page cache empties see the new state. Announces nothing itself.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(SiteChanged event) {
        current.set(null);
    }
}
