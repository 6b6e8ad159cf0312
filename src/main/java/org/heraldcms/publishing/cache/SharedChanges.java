package org.heraldcms.publishing.cache;

import java.util.HashSet;
import java.util.Set;

import org.heraldcms.content.EntryPublished;
import org.heraldcms.content.EntryUnpublished;
import org.heraldcms.site.SiteChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps what each Herald process holds in memory true when another process changes the database:
 * a command-line import while the server runs, or a second instance on the same PostgreSQL. A
 * transaction that changes what public pages show raises the shared {@code change_stamp} once,
 * just before it commits, so the change and the stamp commit together; every few seconds each
 * process reads the stamp, and a value it did not write itself means a change made elsewhere,
 * announced as {@link SiteChanged#ELSEWHERE} so the sections, section limits, the site and the
 * page cache reload. No Java lock is held while the database is waited on.
 */
@Component
class SharedChanges {

    /** How many stamps apart this process may fall before it stops checking them one by one. */
    private static final long MAX_GAP = 10_000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    /** The stamp this process has caught up with, and the newer ones it wrote itself. */
    private long seen;
    private final Set<Long> own = new HashSet<>();

    SharedChanges(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        seen = current(); // from the start: a change made elsewhere before the first check is not missed
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(SiteChanged event) {
        if (!SiteChanged.ELSEWHERE.equals(event.what())) {
            raise();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(EntryPublished event) {
        raise();
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(EntryUnpublished event) {
        raise();
    }

    /** Raises the stamp once per transaction; the value counts as this process's own once it commits. */
    private void raise() {
        boolean inTransaction = TransactionSynchronizationManager.isSynchronizationActive();
        if (inTransaction && TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        long stamp = jdbc.sql("UPDATE change_stamp SET stamp = stamp + 1 WHERE id = 1 RETURNING stamp")
                .query(Long.class).single();
        if (!inTransaction) {
            ours(stamp);
            return;
        }
        TransactionSynchronizationManager.bindResource(this, stamp);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(SharedChanges.this);
                if (status == STATUS_COMMITTED) {
                    ours(stamp);
                }
            }
        });
    }

    private synchronized void ours(long stamp) {
        if (stamp > seen) {
            own.add(stamp);
        }
    }

    @Scheduled(fixedDelayString = "${herald.changes.check-interval:PT2S}",
            initialDelayString = "${herald.changes.check-interval:PT2S}")
    void check() {
        long now = current();
        if (elsewhere(now)) {
            events.publishEvent(new SiteChanged(SiteChanged.ELSEWHERE));
        }
    }

    /** Catches up with {@code now}: whether any stamp since the last look was written by another process. */
    private synchronized boolean elsewhere(long now) {
        boolean elsewhere;
        if (now < seen || now - seen > MAX_GAP) {
            elsewhere = now != seen; // rewound (a restored database) or far behind: reload to be sure
        } else {
            elsewhere = false;
            for (long s = seen + 1; s <= now; s++) {
                elsewhere |= !own.contains(s);
            }
        }
        own.removeIf(s -> s <= now);
        seen = now;
        return elsewhere;
    }

    private long current() {
        return jdbc.sql("SELECT stamp FROM change_stamp WHERE id = 1").query(Long.class).single();
    }
}
