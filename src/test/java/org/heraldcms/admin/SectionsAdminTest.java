package org.heraldcms.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;

import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.site.Section;
import org.heraldcms.site.Sections;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.RunningHerald;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admins create, rename per language, order, move and delete sections; a non-empty one stays. */
class SectionsAdminTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dataDir;
    static RunningHerald herald;
    static AdminClient admin;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir);
        herald.bean(Users.class).add("root", null, Role.ADMIN, PASSWORD.toCharArray(), Optional.empty());
        admin = AdminClient.signedIn(herald, "root", PASSWORD);
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    @Test
    void aSectionIsCreatedRenamedMovedAndDeleted() {
        Sections sections = herald.bean(Sections.class);
        assertThat(admin.post("/admin/sections", true, "name_en", "Meetings", "name_ru", "Встречи", "kind", "events",
                "position", "7").statusCode()).isEqualTo(303);
        // "Meetings": the demo site has an "Events" section of its own (issue 9)
        Section events = sections.byPath("en", "meetings").orElseThrow();
        assertThat(events.in("ru").orElseThrow().path()).isEqualTo("vstrechi");
        assertThat(herald.get("/en/meetings/").statusCode()).isEqualTo(200);

        assertThat(admin.post("/admin/sections/" + events.id() + "/rename", true, "language", "en", "name",
                "Meetings & <b>events</b>").statusCode()).isEqualTo(303);
        assertThat(sections.byId(events.id()).orElseThrow().in("en").orElseThrow().name())
                .isEqualTo("Meetings & <b>events</b>");
        String page = admin.get("/admin/sections").body();
        assertThat(Jsoup.parse(page).select("b")).isEmpty();
        assertThat(herald.get("/en/").body()).contains("Meetings &amp; &lt;b&gt;events&lt;/b&gt;");

        long news = sections.byPath("en", "news").orElseThrow().id();
        var entry = herald.bean(org.heraldcms.content.Entries.class).save(org.heraldcms.content.EntryDraft.of("en",
                events.id(), "Summit", "<p>x</p>", "A", java.time.Instant.parse("2024-01-01T00:00:00Z"),
                org.heraldcms.content.EntryStatus.PUBLISHED), "root");
        assertThat(admin.post("/admin/sections/" + events.id() + "/move", true, "parent", String.valueOf(news))
                .statusCode()).isEqualTo(303);
        assertThat(sections.byId(events.id()).orElseThrow().in("en").orElseThrow().path()).isEqualTo("news/meetings");
        HttpResponse<String> old = herald.get("/en/meetings/summit");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/en/news/meetings/summit"));
        assertThat(herald.get("/en/news/meetings/summit").statusCode()).isEqualTo(200);
        HttpResponse<String> holding = admin.post("/admin/sections/" + events.id() + "/delete", true);
        assertThat(holding.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(holding.body()).select(".problem").text()).contains("holds 1 entry: move or delete");
        assertThat(admin.post("/admin/sections", true, "name_en", "Empty", "parent", String.valueOf(news))
                .statusCode()).isEqualTo(303);
        long empty = sections.byPath("en", "news/empty").orElseThrow().id();
        assertThat(admin.post("/admin/sections/" + news + "/move", true, "parent", String.valueOf(events.id()))
                .statusCode()).isEqualTo(400);
        assertThat(admin.post("/admin/sections/" + events.id() + "/order", true, "position", "2").statusCode())
                .isEqualTo(303);

        HttpResponse<String> refused = admin.post("/admin/sections/" + news + "/delete", true);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select(".problem").text()).contains("sub-sections");
        assertThat(admin.post("/admin/sections/" + empty + "/delete", true).statusCode()).isEqualTo(303);
        assertThat(sections.byId(empty)).isEmpty();
        assertThat(sections.byId(news)).isPresent();
        assertThat(sections.byId(events.id())).isPresent();
    }

    @Test
    void badSectionInputIsRefusedClearly() {
        assertThat(admin.post("/admin/sections", true, "name_en", "Admin", "kind", "news").statusCode()).isEqualTo(400);
        assertThat(admin.post("/admin/sections", true, "kind", "news").statusCode()).isEqualTo(400);
        assertThat(admin.post("/admin/sections", true, "name_en", "X", "kind", "<script>").statusCode()).isEqualTo(400);
        assertThat(admin.post("/admin/sections", true, "name_en", "X", "parent", "1 OR 1=1").statusCode()).isEqualTo(400);
        assertThat(admin.post("/admin/sections/999/delete", true).statusCode()).isEqualTo(400);
    }
}
