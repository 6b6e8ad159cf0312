package org.heraldcms.content;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes scheduled entries when their time comes. Each entry is first claimed with a conditional
 * UPDATE, so several nodes running this job publish each entry once; the save then goes through
 * {@link Entries#save} so a revision is kept and {@link EntryPublished} fires.
 */
@Service
@EnableScheduling
public class ScheduledPublishing {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);

    private final EntryListing listing;
    private final Entries entries;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ScheduledPublishing(EntryListing listing, Entries entries, TransactionTemplate transactions, Optional<Clock> clock) {
        this.listing = listing;
        this.entries = entries;
        this.transactions = transactions;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Scheduled(fixedDelayString = "${herald.scheduler.delay:PT30S}", initialDelayString = "${herald.scheduler.initial-delay:PT5S}")
    public void run() {
        publishDue();
    }

    /** Publishes every due entry now; returns how many this call published. */
    public int publishDue() {
        int published = 0;
        for (long id : listing.dueScheduled(clock.instant())) {
            Boolean done = transactions.execute(tx -> {
                Entry before = entries.find(id).orElse(null);
                if (before == null || !listing.claim(id)) {
                    return false;
                }
                EntryDraft draft = EntryDraft.from(before);
                entries.save(new EntryDraft(draft.id(), null, draft.language(), draft.sectionId(), draft.title(),
                        draft.slug(), draft.summary(), draft.body(), draft.author(), draft.source(),
                        draft.publishedAt(), EntryStatus.PUBLISHED, draft.featured(), draft.tags(), draft.seoTitle(),
                        draft.seoDescription()), "scheduler");
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                published++;
                log.info("Published scheduled entry {}", id);
            }
        }
        return published;
    }
}
