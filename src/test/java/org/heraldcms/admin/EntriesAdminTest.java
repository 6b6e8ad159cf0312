package org.heraldcms.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.content.ScheduledPublishing;
import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.site.Section;
import org.heraldcms.site.Sections;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trash, restoring from it, and the scheduler publishing each due entry once. */
class EntriesAdminTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dataDir;
    static RunningHerald herald;
    static AdminClient editor;
    static Section section;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir, "--herald.scheduler.delay=PT1H", "--herald.scheduler.initial-delay=PT1H");
        herald.bean(Users.class).add("ed", null, Role.EDITOR, PASSWORD.toCharArray(), Optional.empty());
        editor = AdminClient.signedIn(herald, "ed", PASSWORD);
        section = herald.bean(Sections.class).all().stream().filter(s -> s.in("en").isPresent()).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    @Test
    void aTrashedEntryLeavesTheSiteAndTheListAndComesBackWhenRestored() {
        Entry entry = herald.bean(Entries.class).save(EntryDraft.of("en", section.id(), "Binned news", "<p>x</p>", "A",
                Instant.parse("2024-01-01T00:00:00Z"), EntryStatus.PUBLISHED), "ed");
        String path = section.entryPath("en", entry.slug());
        assertThat(herald.get(path).statusCode()).isEqualTo(200);

        assertThat(editor.post("/admin/entries/bulk", true, "action", "trash", "id", String.valueOf(entry.id()))
                .statusCode()).isEqualTo(303);
        assertThat(herald.get(path).statusCode()).isEqualTo(404);
        assertThat(editor.get("/admin/entries?q=Binned").body()).doesNotContain("Binned news");
        assertThat(editor.get("/admin/entries?q=Binned&trash=true").body()).contains("Binned news");
        assertThat(editor.post("/admin/entries/" + entry.id(), true, "section", String.valueOf(section.id()),
                "title", "Binned news", "status", "published").statusCode()).isEqualTo(400);
        assertThat(herald.get(path).statusCode()).isEqualTo(404);

        assertThat(editor.post("/admin/entries/bulk", true, "action", "restore", "id", String.valueOf(entry.id()))
                .statusCode()).isEqualTo(303);
        assertThat(herald.get(path).statusCode()).isEqualTo(200);
        assertThat(editor.get("/admin/entries?q=Binned").body()).contains("Binned news");
    }

    @Test
    void aBulkActionWithOneBadIdChangesNothing() {
        Entry entry = herald.bean(Entries.class).save(EntryDraft.of("en", section.id(), "Kept draft", "<p>x</p>", "A",
                null, EntryStatus.DRAFT), "ed");
        assertThat(editor.post("/admin/entries/bulk", true, "action", "publish", "id", String.valueOf(entry.id()),
                "id", "12345").statusCode()).isEqualTo(400);
        assertThat(herald.bean(Entries.class).find(entry.id()).orElseThrow().status()).isEqualTo(EntryStatus.DRAFT);
    }

    @Test
    void dueScheduledEntriesArePublishedOnceEvenWhenTwoRunsRace() {
        Entry entry = herald.bean(Entries.class).save(EntryDraft.of("en", section.id(), "Due at nine", "<p>x</p>", "A",
                Instant.now().minusSeconds(60), EntryStatus.SCHEDULED), "ed");
        Entry later = herald.bean(Entries.class).save(EntryDraft.of("en", section.id(), "Due tomorrow", "<p>x</p>", "A",
                Instant.now().plusSeconds(86_400), EntryStatus.SCHEDULED), "ed");
        ScheduledPublishing scheduler = herald.bean(ScheduledPublishing.class);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(scheduler::publishDue);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(scheduler::publishDue);
        assertThat(a.join() + b.join()).isEqualTo(1);
        assertThat(herald.bean(Entries.class).find(entry.id()).orElseThrow().status()).isEqualTo(EntryStatus.PUBLISHED);
        assertThat(herald.bean(Entries.class).revisions(entry.id())).hasSize(2);
        assertThat(herald.bean(Entries.class).find(later.id()).orElseThrow().status()).isEqualTo(EntryStatus.SCHEDULED);
        assertThat(herald.get(section.entryPath("en", entry.slug())).statusCode()).isEqualTo(200);
    }
}
