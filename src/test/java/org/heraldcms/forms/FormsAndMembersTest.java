package org.heraldcms.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.heraldcms.content.Entries;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.identity.Members;
import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.mail.Mailer;
import org.heraldcms.publishing.StaticExport;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.PublicClient;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's contact form and guestbook as a visitor and an admin use them, and the members-only
 * section as anonymous visitors, members and crawlers see it. One running Herald; the rate-limit
 * test runs last, as it spends the address's allowance.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormsAndMembersTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String SCRIPT = "<script>alert('x')</script>";
    static final int PER_ADDRESS = 12;
    static final String ARTICLE = "/en/news/interactive-consultations-held-between-sco-and-un-secretariats";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path exportDir;
    static RunningHerald herald;
    static AdminClient admin;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir, "--herald.forms.per-address=" + PER_ADDRESS);
        herald.bean(Users.class).add("boss", "Boss", Role.ADMIN, PASSWORD.toCharArray(), Optional.empty());
        admin = AdminClient.signedIn(herald, "boss", PASSWORD);
        Members members = herald.bean(Members.class);
        members.add("reader", "Reader", members.groupNamed("Members").orElseThrow().id(), PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    static Section section(SectionKind kind) {
        return herald.bean(Sections.class).all().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    static String input(Section form, int position) {
        return herald.bean(Forms.class).fields(form.id()).get(position).inputName();
    }

    @Test
    @Order(1)
    void aFeedbackMessageIsSentInTwoLanguagesAndShownInertInTheInbox() throws Exception {
        Section contact = section(SectionKind.FEEDBACK);
        for (String language : List.of("en", "ru")) {
            PublicClient visitor = new PublicClient(herald);
            String page = contact.listPath(language);
            HttpResponse<String> form = visitor.get(page);
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
            HttpResponse<String> sent = visitor.post("/" + language + "/forms/" + contact.id(), visitor.csrf(page),
                    input(contact, 0), SCRIPT + " " + language, input(contact, 1), "visitor-" + language + "@example.org",
                    input(contact, 3), "=HYPERLINK(\"http://evil.example\",\"click\")\n-2+3\n@SUM(A1)", "website", "");
            assertThat(sent.statusCode()).isEqualTo(303);
            String thanks = sent.headers().firstValue("Location").orElseThrow();
            assertThat(thanks).isEqualTo(page + "thanks");
            assertThat(visitor.get(thanks).statusCode()).isEqualTo(200);
        }
        String inbox = admin.get("/admin/forms/" + contact.id()).body();
        assertThat(inbox).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; ru").doesNotContain(SCRIPT);
        long id = herald.bean(Inbox.class).of(contact.id()).get(0).id();
        String opened = admin.get("/admin/forms/submissions/" + id).body();
        assertThat(opened).contains("&lt;script&gt;").doesNotContain(SCRIPT);
        assertThat(herald.bean(Inbox.class).find(id).orElseThrow().read()).isTrue();

        HttpResponse<String> reply = admin.post("/admin/forms/submissions/" + id + "/reply", true, "text", "Thank you!");
        assertThat(reply.statusCode()).isEqualTo(303);
        assertThat(herald.bean(Mailer.class).recent()).anySatisfy(m -> {
            assertThat(m.to()).isEqualTo("visitor-ru@example.org");
            assertThat(m.text()).isEqualTo("Thank you!");
        });
    }

    @Test
    @Order(2)
    void theCsvExportNeutralisesFormulasAndParsesBack() throws Exception {
        Section contact = section(SectionKind.FEEDBACK);
        HttpResponse<String> csv = admin.get("/admin/forms/" + contact.id() + "/export.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body().replace("\uFEFF", "")));
        String message = parser.getHeaderNames().stream().filter(h -> h.contains("Message")).findFirst().orElseThrow();
        String name = parser.getHeaderNames().stream().filter(h -> h.contains("Your name")).findFirst().orElseThrow();
        assertThat(message).contains("Сообщение");
        List<CSVRecord> rows = parser.getRecords();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
        for (CSVRecord row : rows) {
            assertThat(row.get(message)).startsWith("'=HYPERLINK(\"http://evil.example\"")
                    .contains("\n-2+3\n@SUM(A1)");
            assertThat(row.get(name)).startsWith("<script>");
            for (String cell : row.values()) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
            }
        }
    }

    @Test
    @Order(3)
    void invalidInputIsShownAgainEscapedWithItsErrors() {
        Section contact = section(SectionKind.FEEDBACK);
        PublicClient visitor = new PublicClient(herald);
        String page = contact.listPath("en");
        HttpResponse<String> answer = visitor.post("/en/forms/" + contact.id(), visitor.csrf(page),
                input(contact, 0), "\"><img src=x onerror=alert(1)>", input(contact, 1), "not-an-address",
                input(contact, 3), "");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("This is not an e-mail address.").contains("Please fill in this field.")
                .contains("value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"").doesNotContain("<img src=x")
                .contains("value=\"not-an-address\"");
        HttpResponse<String> tooLong = visitor.post("/en/forms/" + contact.id(), visitor.csrf(page),
                input(contact, 0), "x".repeat(201), input(contact, 1), "a@example.org", input(contact, 3), "hi");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("This is too long.");
    }

    @Test
    @Order(4)
    void aPostWithoutTheCsrfTokenOrWithTheHoneypotFilledIsRefused() {
        Section contact = section(SectionKind.FEEDBACK);
        PublicClient visitor = new PublicClient(herald);
        String page = contact.listPath("en");
        visitor.get(page); // has the CSRF cookie, but sends no token
        HttpResponse<String> noToken = visitor.post("/en/forms/" + contact.id(), null, input(contact, 0), "Robot");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("not sent from this site");
        assertThat(visitor.post("/en/forms/" + contact.id(), "forged", input(contact, 0), "Robot").statusCode())
                .isEqualTo(403);
        assertThat(new PublicClient(herald).post("/en/account/sign-in", null, "username", "reader", "password", PASSWORD)
                .statusCode()).isEqualTo(403);

        HttpResponse<String> robot = visitor.post("/en/forms/" + contact.id(), visitor.csrf(page), input(contact, 0), "Bot",
                input(contact, 1), "bot@example.org", input(contact, 3), "Buy now", "website", "http://spam.example");
        assertThat(robot.statusCode()).isEqualTo(400);
        assertThat(robot.body()).contains("Your message looks automated and was not sent.");
        assertThat(herald.bean(Inbox.class).of(contact.id())).noneMatch(s -> s.answers().get(0).value().equals("Bot"));

        assertThat(visitor.post("/en/forms/abc", visitor.csrf(page)).statusCode()).isEqualTo(400);
        assertThat(visitor.post("/en/forms/" + section(SectionKind.NEWS).id(), visitor.csrf(page)).statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(5)
    void aGuestbookMessageIsPublicOnlyOnceApprovedAndEscaped() {
        Section guestbook = section(SectionKind.GUESTBOOK);
        String page = guestbook.listPath("en");
        assertThat(herald.get(page).body()).contains("Amina").contains("A clear and useful site.");
        assertThat(herald.get(guestbook.listPath("ru")).body()).contains("Иван").doesNotContain("Amina");

        PublicClient visitor = new PublicClient(herald);
        assertThat(visitor.post("/en/forms/" + guestbook.id(), visitor.csrf(page), input(guestbook, 0), "Mallory",
                input(guestbook, 1), "Hello " + SCRIPT).statusCode()).isEqualTo(303);
        assertThat(herald.get(page).body()).doesNotContain("Mallory");

        Submission pending = herald.bean(Inbox.class).of(guestbook.id()).stream()
                .filter(s -> s.answers().get(0).value().equals("Mallory")).findFirst().orElseThrow();
        assertThat(pending.moderation()).isEqualTo("pending");
        assertThat(admin.post("/admin/forms/submissions/" + pending.id() + "/moderate", true, "decision", "approved")
                .statusCode()).isEqualTo(303);
        admin.post("/admin/forms/submissions/" + pending.id() + "/reply", true, "text", "Welcome, <b>Mallory</b>");
        String shown = herald.get(page).body();
        assertThat(shown).contains("Mallory").contains("Hello &lt;script&gt;").doesNotContain(SCRIPT)
                .contains("Welcome, &lt;b&gt;Mallory&lt;/b&gt;");
    }

    @Test
    @Order(10)
    void aMembersOnlyEntryIsAbsentForAnonymousVisitorsEverywhere() throws Exception {
        Section members = herald.bean(Sections.class).byPath("en", "members").orElseThrow();
        String entry = members.entryPath("en", "briefing-for-members");
        String title = "Briefing for members";
        // a second member-only entry sharing a tag and words with the public SCO article
        herald.bean(Entries.class).save(EntryDraft.of("en", members.id(), "Interactive consultations between SCO and UN: notes",
                "<p>Notes on the interactive consultations held between the SCO and UN secretariats.</p>", "Herald",
                java.time.Instant.parse("2026-11-22T09:00:00Z"), EntryStatus.PUBLISHED)
                .withTags(List.of("Cooperation")), "test");
        for (String path : List.of("/en/tags/cooperation/", ARTICLE)) {
            assertThat(herald.get(path).body()).as(path).doesNotContain("consultations-between-sco-and-un-notes")
                    .doesNotContain("SCO and UN: notes");
        }
        long group = herald.bean(Members.class).groupNamed("Members").orElseThrow().id();
        assertThat(admin.get("/admin/members").body()).containsOnlyOnce("<option value=\"" + group + "\" selected>");
        assertThat(herald.get(entry).statusCode()).isEqualTo(404);
        HttpResponse<String> list = herald.get(members.listPath("en"));
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(list.body()).contains("for signed-in members only").doesNotContain(title);
        assertThat(herald.get(members.listPath("en") + "feed.atom").statusCode()).isEqualTo(404);
        for (String path : List.of("/en/", "/en/news/", "/en/feed.atom", "/en/feed.rss", "/en/search?q=briefing",
                "/api/v1/search?lang=en&q=briefing", "/en/archive/2026/", "/en/archive/2026/11/", "/sitemap-en-1.xml",
                "/ru/", "/ru/search?q=%D0%B1%D1%80%D0%B8%D1%84%D0%B8%D0%BD%D0%B3")) {
            HttpResponse<String> page = herald.get(path);
            assertThat(page.body()).as(path).doesNotContain(title).doesNotContain("briefing-for-members")
                    .doesNotContain("Брифинг");
        }
        assertThat(herald.get("/en/search?q=briefng").body()).doesNotContain("briefing");
        assertThat(herald.get("/sitemap-en-1.xml").body()).doesNotContain("/en/members/");
        assertThat(herald.get("/en/").body()).doesNotContain("/en/members/");

        StaticExport.Report report = herald.bean(StaticExport.class).export(exportDir, herald.uri(""));
        assertThat(report.broken()).isEmpty();
        try (Stream<Path> files = Files.walk(exportDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8)).as(file.toString()).doesNotContain(title).doesNotContain("Брифинг");
            }
        }
    }

    @Test
    @Order(11)
    void aSignedInMemberSeesTheSectionButNeverTheAdmin() {
        Section members = herald.bean(Sections.class).byPath("en", "members").orElseThrow();
        String entry = members.entryPath("en", "briefing-for-members");
        assertThat(herald.get("/en/").body()).doesNotContain("Briefing for members"); // cached for anonymous visitors

        PublicClient member = new PublicClient(herald);
        String signIn = "/en/account/sign-in";
        HttpResponse<String> wrong = member.post(signIn, member.csrf(signIn), "username", "reader", "password", "wrong!");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("The username or password is not right.");
        HttpResponse<String> signedIn = member.post(signIn, member.csrf(signIn), "username", "reader", "password",
                PASSWORD, "next", entry);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains(entry);

        HttpResponse<String> page = member.get(entry);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("private").contains("no-store");
        assertThat(page.body()).contains("Briefing for members");
        assertThat(member.get(members.listPath("en")).body()).contains("Briefing for members");
        assertThat(member.get("/en/").body()).contains("Briefing for members").contains("/en/members/");
        assertThat(member.get("/en/search?q=briefing").body()).contains("Briefing for members");
        assertThat(member.get("/en/feed.atom").body()).contains("Briefing for members");
        assertThat(member.get("/en/tags/cooperation/").body()).contains("SCO and UN: notes");
        // the member's pages were not stored for anyone else
        assertThat(herald.get("/en/").body()).doesNotContain("Briefing for members");
        assertThat(herald.get(entry).statusCode()).isEqualTo(404);

        HttpResponse<String> adminPage = member.get("/admin/");
        assertThat(adminPage.statusCode()).isEqualTo(302);
        assertThat(adminPage.headers().firstValue("Location").orElse("")).endsWith("/admin/login");
        HttpResponse<String> adminLogin = new AdminClient(herald).login("reader", PASSWORD);
        assertThat(adminLogin.headers().firstValue("Location").orElse("")).doesNotEndWith("/admin/");

        String token = member.csrf(signIn);
        assertThat(member.post("/en/account/sign-out", token).statusCode()).isEqualTo(303);
        assertThat(member.get(entry).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(99)
    void tooManySubmissionsFromOneAddressAreRefusedWithAClearMessage() {
        Section contact = section(SectionKind.FEEDBACK);
        PublicClient visitor = new PublicClient(herald);
        String page = contact.listPath("en");
        String token = visitor.csrf(page);
        HttpResponse<String> last = null;
        for (int i = 0; i <= PER_ADDRESS; i++) {
            last = visitor.post("/en/forms/" + contact.id(), token, input(contact, 0), "Flood " + i,
                    input(contact, 1), "flood@example.org", input(contact, 3), "again");
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(303);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.body()).contains("Too many messages have been sent from your address.");
    }
}
