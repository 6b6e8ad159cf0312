package org.heraldcms.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.content.Redirects;
import org.heraldcms.identity.Members;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.site.NewSection;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionAccess;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.support.PublicClient;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's documents, events and banners limited to members: the kinds' own addresses (a
 * document's symbol and file, the calendars, past events, an event's {@code .ics}) and the places
 * that borrow from them (the home page's banners, a news report's event) show nothing of them to
 * anonymous visitors, and everything to a signed-in member. So do old addresses that were
 * redirected to member-only entries or their files, and the search form's list of sections.
 */
class MembersOnlyKindsTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String ARTICLE = "/en/news/interactive-consultations-held-between-sco-and-un-secretariats";
    static final String PAST_EVENT = "SCO–UN interactive consultations";
    static final String NEXT_EVENT = "Open day at the Demo Secretariat";
    static final String BANNER = "<section class=\"banners\""; // the demo's banner links to a news entry of its title

    @TempDir
    static Path dataDir;
    static RunningHerald herald;
    static String pastEventIcs;
    static String renamedFrom;
    static String renamedTo;
    static String fileRedirect;
    static String publicFileRedirect;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir);
        Members members = herald.bean(Members.class);
        long group = members.groupNamed("Members").orElseThrow().id();
        members.add("reader", "Reader", group, PASSWORD.toCharArray());
        SectionAccess access = herald.bean(SectionAccess.class);
        for (SectionKind kind : List.of(SectionKind.DOCUMENTS, SectionKind.EVENTS, SectionKind.BANNERS)) {
            access.limit(section(kind).id(), group);
        }
        // a member-only entry renamed: its old address leads to the new one
        Section board = herald.bean(Sections.class).create(new NewSection(null, SectionKind.NEWS, 30, false,
                Map.of("en", "Board papers"), Map.of("en", "board")));
        access.limit(board.id(), group);
        Entries entries = herald.bean(Entries.class);
        Entry draft = entries.save(EntryDraft.of("en", board.id(), "Old working title", "<p>Minutes.</p>", "test",
                Instant.parse("2026-11-01T08:00:00Z"), EntryStatus.PUBLISHED), "test");
        Entry renamed = entries.save(EntryDraft.from(draft).withTitle("Merger with ACME in March")
                .withSlug("merger-with-acme-in-march"), "test");
        renamedFrom = board.entryPath("en", draft.slug());
        renamedTo = board.entryPath("en", renamed.slug());
        // an old file address (as a MetInfo import leaves them) of the member-only document's file, and of a public one
        MediaLibrary media = herald.bean(MediaLibrary.class);
        Redirects redirects = herald.bean(Redirects.class);
        fileRedirect = "/upload/file/202104/resolution.pdf";
        redirects.add(fileRedirect, "/media/" + named(media, "a-res-75-69-en.pdf").storedName(), "test");
        redirects.add("/old/board/", board.listPath("en"), "test");
        publicFileRedirect = "/upload/202111/hall.png";
        redirects.add(publicFileRedirect, "/media/" + named(media, "gallery-1.png").storedName(), "test");

        Section events = section(SectionKind.EVENTS);
        pastEventIcs = SectionAccess.as(group, () -> herald.bean(Entries.class)
                .publishedInSection("en", events.id(), 1, 10).items().stream()
                .filter(c -> c.title().equals(PAST_EVENT)).findFirst()
                .map(c -> events.entryPath("en", c.slug()) + ".ics").orElseThrow());
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    static MediaItem named(MediaLibrary media, String originalName) {
        return media.recent(500).stream().filter(m -> m.originalName().equals(originalName)).findFirst().orElseThrow();
    }

    static Section section(SectionKind kind) {
        return herald.bean(Sections.class).all().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void anonymousVisitorsFindNothingOfThem() {
        for (String path : List.of("/en/symbol/A/RES/75/69", "/en/symbol/A/RES/75/69.pdf", "/ru/symbol/A/RES/75/69.pdf",
                "/en/events/past/", "/en/events/calendar/2021-05/", pastEventIcs)) {
            HttpResponse<String> page = herald.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain(PAST_EVENT).doesNotContain("Resolution 75/69");
        }
        for (String path : List.of("/en/events.ics", "/ru/events.ics", "/en/", ARTICLE, "/en/news/")) {
            HttpResponse<String> page = herald.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain(PAST_EVENT).doesNotContain(NEXT_EVENT)
                    .doesNotContain(BANNER).doesNotContain("Интерактивные консультации ШОС и ООН");
        }
        assertThat(herald.get("/en/events/").statusCode()).isEqualTo(403);

        // old addresses of member-only things lead nowhere, and say nothing of where they went
        for (String old : List.of(renamedFrom, fileRedirect)) {
            HttpResponse<String> page = herald.get(old);
            assertThat(page.statusCode()).as(old).isEqualTo(404);
            assertThat(page.headers().firstValue("Location")).as(old).isEmpty();
            assertThat(page.body()).as(old).doesNotContain("merger").doesNotContain("/media/");
        }
        assertThat(herald.get(publicFileRedirect).statusCode()).as("a public gallery's picture").isEqualTo(301);
        // the section's own page, which offers the sign-in form, is no secret
        assertThat(herald.get("/old/board/").headers().firstValue("Location")).hasValue("/en/board/");
        assertThat(herald.get("/en/board/").statusCode()).isEqualTo(403);
        assertThat(herald.get("/en/search?q=minutes").body()).as("the search form's sections")
                .doesNotContain("Board papers").doesNotContain("Merger");
    }

    @Test
    void aSignedInMemberSeesThemAll() {
        PublicClient member = new PublicClient(herald);
        String signIn = "/en/account/sign-in";
        assertThat(member.post(signIn, member.csrf(signIn), "username", "reader", "password", PASSWORD).statusCode())
                .isEqualTo(303);
        assertThat(member.get("/en/symbol/A/RES/75/69").body()).contains("A/RES/75/69");
        HttpResponse<String> file = member.get("/en/symbol/A/RES/75/69.pdf");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).startsWith("%PDF");
        assertThat(member.get("/en/events/past/").body()).contains(PAST_EVENT);
        assertThat(member.get("/en/events/calendar/2021-05/").body()).contains(PAST_EVENT);
        assertThat(member.get(pastEventIcs).body()).contains("BEGIN:VEVENT").contains(PAST_EVENT);
        assertThat(member.get("/en/events.ics").body()).contains(PAST_EVENT).contains(NEXT_EVENT);
        assertThat(member.get(ARTICLE).body()).contains(PAST_EVENT);
        assertThat(member.get("/en/").body()).contains(BANNER);
        assertThat(member.get(renamedFrom).headers().firstValue("Location")).hasValue(renamedTo);
        assertThat(member.get(fileRedirect).statusCode()).isEqualTo(301);
        assertThat(member.get("/en/search?q=minutes").body()).contains("Board papers").contains("Merger with ACME");
        // what the member saw was not kept for anyone else
        assertThat(herald.get("/en/events.ics").body()).doesNotContain(PAST_EVENT);
        assertThat(herald.get("/en/symbol/A/RES/75/69").statusCode()).isEqualTo(404);
    }
}
