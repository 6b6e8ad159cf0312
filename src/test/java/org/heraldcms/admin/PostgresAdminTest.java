package org.heraldcms.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.content.ScheduledPublishing;
import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.site.Sections;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.RunningHerald;
import org.heraldcms.support.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin's own SQL (accounts, setup, lists, trash, scheduler, sections, settings, media) on PostgreSQL. */
class PostgresAdminTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dataDir;
    static String schema;
    static RunningHerald herald;

    @BeforeAll
    static void start() throws Exception {
        TestServices.assumePostgres();
        schema = TestServices.createPostgresSchema();
        herald = RunningHerald.start(dataDir, "--spring.datasource.url=" + TestServices.postgresUrl(schema),
                "--spring.datasource.username=" + TestServices.POSTGRES_USER, "--herald.scheduler.delay=PT1H", "--herald.scheduler.initial-delay=PT1H");
    }

    @AfterAll
    static void stop() throws Exception {
        if (herald != null) {
            herald.close();
            TestServices.dropPostgresSchema(schema);
        }
    }

    @Test
    void theAdminWorksOnPostgres() {
        AdminClient browser = new AdminClient(herald);
        assertThat(browser.post("/admin/setup", true, "username", "chief", "password", PASSWORD, "repeat", PASSWORD)
                .statusCode()).isEqualTo(303);
        assertThat(herald.bean(Users.class).hasAdmin()).isTrue();
        herald.bean(Users.class).add("ed", null, Role.EDITOR, PASSWORD.toCharArray(), Optional.empty());
        AdminClient admin = AdminClient.signedIn(herald, "chief", PASSWORD);
        long section = herald.bean(Sections.class).byPath("en", "news").orElseThrow().id();

        assertThat(admin.post("/admin/entries/new", true, "language", "en", "section", String.valueOf(section),
                "title", "Postgres 100%_news", "body", "<p>x</p>", "status", "draft").statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/entries?q=100%25_&sort=title&status=draft&owner=chief&language=en&section="
                + section).body()).contains("Postgres 100%_news");
        assertThat(admin.get("/admin/").statusCode()).isEqualTo(200);

        Entry due = herald.bean(Entries.class).save(EntryDraft.of("en", section, "Due on Postgres", "<p>x</p>", "A",
                Instant.now().minusSeconds(5), EntryStatus.SCHEDULED), "ed");
        assertThat(herald.bean(ScheduledPublishing.class).publishDue()).isEqualTo(1);
        assertThat(admin.post("/admin/entries/bulk", true, "action", "trash", "id", String.valueOf(due.id()))
                .statusCode()).isEqualTo(303);
        assertThat(admin.post("/admin/entries/bulk", true, "action", "restore", "id", String.valueOf(due.id()))
                .statusCode()).isEqualTo(303);
        assertThat(herald.bean(Entries.class).find(due.id()).orElseThrow().status()).isEqualTo(EntryStatus.PUBLISHED);

        assertThat(admin.post("/admin/sections", true, "name_en", "Meetings", "kind", "events").statusCode()).isEqualTo(303);
        assertThat(admin.post("/admin/settings/languages/ru", true, "siteName", "Вестник", "enabled", "true")
                .statusCode()).isEqualTo(303);
        assertThat(admin.upload("/admin/media", "a.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(303);
        assertThat(admin.get("/admin/media").statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/audit").body()).contains("entry-create", "bulk-trash", "media-upload");
    }
}
