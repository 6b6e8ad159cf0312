package org.heraldcms.search;

import java.time.Instant;

import org.heraldcms.Herald;
import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.site.Sections;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run in a child JVM by {@link IndexCrashTest}: serves Herald on a data folder and saves entries
 * without pause (new, edited, unpublished), printing "saved N" after each, until it is killed.
 */
public final class PublishingChild {

    private PublishingChild() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(Herald.class, "--herald.data-dir=" + args[0],
                "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        Entries entries = context.getBean(Entries.class);
        long news = context.getBean(Sections.class).byPath("en", "news").orElseThrow().id();
        Entry previous = null;
        for (int i = 1; i < 100_000; i++) {
            Entry saved = entries.save(EntryDraft.of("en", news, "Crash article " + i,
                    "<p>Kiwi fruit report number " + i + ".</p>", "child", Instant.parse("2024-01-01T00:00:00Z"),
                    EntryStatus.PUBLISHED), "child");
            if (previous != null && i % 3 == 0) {
                entries.save(EntryDraft.from(previous).withSummary("Edited in step " + i), "child");
            }
            if (previous != null && i % 5 == 0) {
                Entry p = entries.find(previous.id()).orElseThrow();
                entries.save(new EntryDraft(p.id(), null, p.language(), p.sectionId(), p.title(), p.slug(), p.summary(),
                        p.body(), p.author(), p.source(), p.publishedAt(), EntryStatus.ARCHIVED, false,
                        java.util.List.of(), "", ""), "child");
            }
            previous = saved;
            System.out.println("saved " + i);
            System.out.flush();
        }
    }
}
