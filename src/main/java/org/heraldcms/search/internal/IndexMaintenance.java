package org.heraldcms.search.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.heraldcms.content.EntryDeleted;
import org.heraldcms.content.EntryPublished;
import org.heraldcms.content.EntryUnpublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the index following the content. After a save commits, the entry's current state is
 * indexed (or removed). At start-up of the server, before it takes requests, and then every
 * {@code herald.search.reconcile-interval} (a minute), the index is compared with the database
 * and repaired: a crash between the database commit and the index commit, a failed index
 * write, a change made by another node, and a published entry whose published_at has just
 * come are all caught up there. Commands (the CLI) open the index only
 * when they use it.
 */
@Component
class IndexMaintenance implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);
    private final AtomicBoolean toldIndexInUse = new AtomicBoolean();

    private final SearchIndex index;
    private final boolean serving;
    private final TransactionTemplate outsideTransaction;

    IndexMaintenance(SearchIndex index, ApplicationContext context, PlatformTransactionManager transactions) {
        this.index = index;
        this.serving = context instanceof WebServerApplicationContext;
        this.outsideTransaction = new TransactionTemplate(transactions);
        this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (serving) {
            index.open();
            index.reconcile();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EntryPublished event) {
        refresh(event.entryId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EntryUnpublished event) {
        refresh(event.entryId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EntryDeleted event) {
        refresh(event.entryId());
    }

    @Scheduled(fixedDelayString = "${herald.search.reconcile-interval:PT1M}",
            initialDelayString = "${herald.search.reconcile-interval:PT1M}")
    void reconcileNow() {
        if (serving) {
            try {
                index.reconcile();
            } catch (RuntimeException e) {
                log.warn("Could not bring the search index in line with the database", e);
            }
        }
    }

    /** Reads the entry on a connection of its own: the saving transaction has committed and is being cleaned up. */
    private void refresh(long entryId) {
        try {
            outsideTransaction.executeWithoutResult(status -> index.refresh(entryId));
        } catch (IndexInUse e) {
            // the command line while the server runs: the server's own reconciliation takes the change in
            if (!toldIndexInUse.getAndSet(true)) {
                log.warn("The search index is in use by the running server, which will index these changes at its"
                        + " next reconciliation (herald.search.reconcile-interval)");
            }
        } catch (RuntimeException e) {
            log.warn("Could not update the search index for entry {}; the next reconciliation will", entryId, e);
        }
    }
}
