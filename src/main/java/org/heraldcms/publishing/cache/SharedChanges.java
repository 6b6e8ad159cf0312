package org.heraldcms.publishing.cache;

import org.heraldcms.content.EntryPublished;
import org.heraldcms.content.EntryUnpublished;
import org.heraldcms.site.SiteChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps what each Herald process holds in memory true when another process changes the database:
 * a command-line import while the server runs, or a second instance on the same PostgreSQL. After
 * a change of its own commits, a process raises the shared {@code change_stamp}; every few seconds
 * it reads it, and a stamp it did not raise itself means a change made elsewhere, announced here as
 * {@link SiteChanged#ELSEWHERE} so the sections, section limits, the site and the page cache reload.
 */
@Component
class SharedChanges {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    /** The stamp this process has caught up with. */
    private long seen;

    SharedChanges(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        seen = current(); // from the start: a change made elsewhere before the first check is not missed
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SiteChanged event) {
        if (!SiteChanged.ELSEWHERE.equals(event.what())) {
            raise();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EntryPublished event) {
        raise();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EntryUnpublished event) {
        raise();
    }

    /** Raises the stamp; caught up with it only if nobody else raised it since this process last looked. */
    private synchronized void raise() {
        jdbc.sql("UPDATE change_stamp SET stamp = stamp + 1 WHERE id = 1").update();
        long now = current();
        if (now == seen + 1) {
            seen = now;
        }
    }

    @Scheduled(fixedDelayString = "${herald.changes.check-interval:PT2S}",
            initialDelayString = "${herald.changes.check-interval:PT2S}")
    void check() {
        boolean elsewhere;
        synchronized (this) {
            long now = current();
            elsewhere = now != seen;
            seen = now;
        }
        if (elsewhere) {
            events.publishEvent(new SiteChanged(SiteChanged.ELSEWHERE));
        }
    }

    private long current() {
        return jdbc.sql("SELECT stamp FROM change_stamp WHERE id = 1").query(Long.class).single();
    }
}
