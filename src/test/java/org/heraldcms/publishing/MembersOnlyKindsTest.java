package org.heraldcms.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.heraldcms.content.Entries;
import org.heraldcms.identity.Members;
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
 * anonymous visitors, and everything to a signed-in member.
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
        // what the member saw was not kept for anyone else
        assertThat(herald.get("/en/events.ics").body()).doesNotContain(PAST_EVENT);
        assertThat(herald.get("/en/symbol/A/RES/75/69").statusCode()).isEqualTo(404);
    }
}
