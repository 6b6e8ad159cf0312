package org.heraldcms.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.site.SiteSettings;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.OfficeFiles;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Section kinds over real HTTP on the demo site: document filters, symbol addresses and file
 * names, iCalendar files read back with ical4j, the month calendar, vacancies that close by the
 * clock (list, feed, sitemap, search, cached pages), and hostile input in the kind fields.
 */
class SectionKindsTest {

    static final String PASSWORD = "correct horse battery";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @TempDir
    static Path dataDir;
    static RunningHerald herald;
    static AdminClient editor;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir);
        herald.bean(Users.class).add("ed", null, Role.EDITOR, PASSWORD.toCharArray(), Optional.empty());
        editor = AdminClient.signedIn(herald, "ed", PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (herald != null) {
            herald.close();
        }
    }

    @Test
    void documentsAreListedWithFiltersByYearAndType() {
        assertThat(herald.get("/en/documents/").body()).contains("A/RES/75/69").contains("/en/symbol/A/RES/75/69.pdf");
        assertThat(herald.get("/en/documents/?year=2021").body()).contains("A/RES/75/69");
        assertThat(herald.get("/en/documents/?year=2021&type=resolution").body()).contains("A/RES/75/69");
        assertThat(herald.get("/en/documents/?year=2020").body()).doesNotContain("A/RES/75/69");
        assertThat(herald.get("/en/documents/?type=report").body()).doesNotContain("A/RES/75/69");
        assertThat(herald.get("/ru/dokumenty/?type=resolution").body()).contains("A/RES/75/69").contains("Резолюция");
        assertThat(herald.get("/en/documents/?year=20%2721").statusCode()).isEqualTo(404);
        HttpResponse<String> hostile = herald.get("/en/documents/?type=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(hostile.statusCode()).isEqualTo(404);
        assertThat(hostile.body()).doesNotContain("<script>alert(1)");
    }

    @Test
    void aSymbolHasAStableAddressAndItsFileItsOwnName() {
        HttpResponse<String> page = herald.get("/en/symbol/A/RES/75/69");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<link rel=\"canonical\" href=\"http://localhost:8080/en/documents/resolution-75-69");

        HttpResponse<String> file = herald.get("/ru/symbol/A/RES/75/69.pdf");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"A_RES_75_69-ru.pdf\"; filename*=UTF-8''A_RES_75_69-ru.pdf");
        assertThat(file.body()).startsWith("%PDF-").contains("Russian version");
        assertThat(herald.get("/en/symbol/A/RES/75/69.pdf").body()).doesNotContain("Russian version");

        for (String hostile : List.of("/en/symbol/A/RES/75/69.exe", "/en/symbol/A/RES/75/69.png", "/en/symbol/A/RES/75",
                "/en/symbol/A/RES/75/69/", "/en/symbol/a/res/75/69", "/en/symbol/A/RES/75/69%00.pdf",
                "/en/symbol/A/RES/..%2F..%2Fherald.db", "/en/symbol/%27%20OR%201=1--", "/en/symbol/",
                "/en/symbol/A/RES/75/69%3Cscript%3E", "/xx/symbol/A/RES/75/69")) {
            HttpResponse<String> answer = herald.get(hostile);
            assertThat(answer.statusCode()).as(hostile).isIn(400, 404);
            assertThat(answer.body()).as(hostile).doesNotContain("%PDF").doesNotContain("<script>");
        }
        String traversal = herald.raw("/en/symbol/../../../herald.db", "Host: localhost");
        assertThat(traversal).doesNotStartWith("HTTP/1.1 200").doesNotContain("SQLite format");
    }

    @Test
    void aDocumentWhoseFileIsADocxIsDownloadedByItsSymbolAsDocx() {
        assertThat(editor.upload("/admin/media", "draft resolution.docx", OfficeFiles.docx()).statusCode()).isEqualTo(303);
        MediaItem docx = herald.bean(MediaLibrary.class).recent(1).get(0);
        assertThat(docx.storedName()).endsWith(".docx");
        Section documents = section(SectionKind.DOCUMENTS);
        assertThat(editor.get("/admin/entries/new?section=" + documents.id()).body())
                .contains("<option value=\"" + docx.storedName() + "\" >draft resolution.docx (" + docx.storedName() + ")");
        HttpResponse<String> created = editor.post("/admin/entries/new", true, "language", "en", "section",
                String.valueOf(documents.id()), "title", "Draft resolution on okapis", "status", "published",
                "k.symbol", "A/C.2/80/L.7", "k.date", "2025-10-01", "k.type", "resolution", "k.file", docx.storedName());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);

        HttpResponse<String> file = herald.get("/en/symbol/A/C.2/80/L.7.docx");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(file.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"A_C.2_80_L.7-en.docx\"; filename*=UTF-8''A_C.2_80_L.7-en.docx");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(file.body()).startsWith("PK");
        assertThat(herald.get("/en/documents/").body()).contains("/en/symbol/A/C.2/80/L.7.docx");
        for (String other : List.of(".pdf", ".zip", ".doc", ".jpg", ".exe")) {
            assertThat(herald.get("/en/symbol/A/C.2/80/L.7" + other).statusCode()).as(other).isEqualTo(404);
        }
        assertThat(herald.get("/en/symbol/A/C.2/80/L.7").statusCode()).isEqualTo(200);
    }

    @Test
    void eventCalendarsParseWithIcal4j() throws Exception {
        HttpResponse<String> feed = herald.get("/en/events.ics");
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSizeGreaterThanOrEqualTo(2); // the demo's two, and any another test adds
        VEvent open = events.stream().filter(e -> text(e, Property.SUMMARY).equals("Open day at the Demo Secretariat"))
                .findFirst().orElseThrow();
        assertThat(open.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Moscow");
        assertThat(feed.body()).containsPattern("DTSTART;TZID=Europe/Moscow:\\d{8}T100000")
                .containsPattern("DTEND;TZID=Europe/Moscow:\\d{8}T160000");
        assertThat(localHour(open, Property.DTSTART, "Europe/Moscow")).isEqualTo(10);
        assertThat(localHour(open, Property.DTEND, "Europe/Moscow")).isEqualTo(16);
        assertThat(localHour(open, Property.DTSTART, "UTC")).isEqualTo(7);
        assertThat(text(open, Property.UID)).startsWith("entry-").endsWith("@localhost");
        assertThat(text(open, Property.URL)).isEqualTo("http://localhost:8080/en/events/open-day-at-the-demo-secretariat");
        assertThat(calendar.getComponents("VTIMEZONE")).isNotEmpty();

        Calendar one = new CalendarBuilder().build(new StringReader(
                herald.get("/en/events/sco-un-interactive-consultations.ics").body()));
        List<VEvent> only = one.getComponents("VEVENT");
        assertThat(only).hasSize(1);
        assertThat(text(only.get(0), Property.DTSTART)).isEqualTo("20210517T150000");
        assertThat(text(only.get(0), Property.DTEND)).isEqualTo("20210517T170000");
        assertThat(text(only.get(0), Property.LOCATION)).isEqualTo("Online");

        Calendar russian = new CalendarBuilder().build(new StringReader(herald.get("/ru/events.ics").body()));
        assertThat(russian.<VEvent>getComponents("VEVENT").stream().map(e -> text(e, Property.SUMMARY)))
                .contains("Интерактивные консультации ШОС и ООН");
        assertThat(herald.get("/en/news/herald-demo-site-opens.ics").statusCode()).isEqualTo(404);
        assertThat(herald.get("/en/events/no-such-event.ics").statusCode()).isEqualTo(404);
    }

    @Test
    void eventsHaveUpcomingPastAndMonthPages() {
        assertThat(herald.get("/en/events/").body()).contains("Open day at the Demo Secretariat")
                .doesNotContain("SCO–UN interactive consultations");
        assertThat(herald.get("/en/events/past/").body()).contains("SCO–UN interactive consultations");
        HttpResponse<String> may = herald.get("/en/events/calendar/2021-05/");
        assertThat(may.body()).contains("<table class=\"calendar\">").contains("May 2021")
                .contains("href=\"/en/events/calendar/2021-06/\"")
                .doesNotContain("href=\"/en/events/calendar/2021-04/\"") // before the first event: a crawl ends
                .contains("15:00 SCO–UN interactive consultations");
        assertThat(herald.get("/ru/meropriyatiya/calendar/2021-05/").body()).contains("Интерактивные консультации ШОС и ООН");
        assertThat(herald.get("/en/events/calendar/").statusCode()).isEqualTo(302);
        assertThat(herald.get("/en/events/calendar/2021-13/").statusCode()).isEqualTo(404);
        assertThat(herald.get("/en/events/calendar/9999-01/").statusCode()).isEqualTo(404);
        assertThat(herald.get("/en/news/calendar/2021-05/").statusCode()).isEqualTo(404);
        String article = herald.get("/en/news/interactive-consultations-held-between-sco-and-un-secretariats").body();
        assertThat(article).contains("href=\"/en/events/sco-un-interactive-consultations\"");
        assertThat(herald.get("/en/events/sco-un-interactive-consultations").body())
                .contains("href=\"/en/news/interactive-consultations-held-between-sco-and-un-secretariats\"");
    }

    @Test
    void aClosedVacancyIsGoneFromListFeedSitemapSearchAndItsPage() {
        Section vacancies = section(SectionKind.VACANCIES);
        ZoneId zone = herald.bean(SiteSettings.class).current().timeZone();
        String later = LocalDateTime.now(zone).plusDays(3).format(LOCAL);
        HttpResponse<String> created = editor.post("/admin/entries/new", true, "language", "en",
                "section", String.valueOf(vacancies.id()), "title", "Translator zebrafinch", "body", "<p>Zebrafinch.</p>",
                "status", "published", "k.grade", "P-2", "k.station", "Geneva", "k.closes", later);
        assertThat(created.statusCode()).isEqualTo(303);
        String edit = created.headers().firstValue("Location").orElseThrow();
        assertThat(herald.get("/en/vacancies/").body()).contains("Translator zebrafinch").contains("Geneva");
        assertThat(herald.get("/en/feed.atom").body()).contains("Translator zebrafinch");
        assertThat(herald.get("/sitemap-en-1.xml").body()).contains("/en/vacancies/translator-zebrafinch");
        assertThat(herald.get("/en/search?q=zebrafinch").body()).contains("Translator zebrafinch");

        String past = LocalDateTime.now(zone).minusMinutes(5).format(LOCAL);
        assertThat(editor.post(edit, true, "section", String.valueOf(vacancies.id()), "title", "Translator zebrafinch",
                "body", "<p>Zebrafinch.</p>", "status", "published", "k.grade", "P-2", "k.station", "Geneva",
                "k.closes", past).statusCode()).isEqualTo(303);
        assertThat(herald.get("/en/vacancies/").body()).doesNotContain("zebrafinch").contains("Programme Management Officer");
        assertThat(herald.get("/en/vacancies/translator-zebrafinch").statusCode()).isEqualTo(404);
        assertThat(herald.get("/en/feed.atom").body()).doesNotContain("zebrafinch");
        assertThat(herald.get("/sitemap-en-1.xml").body()).doesNotContain("zebrafinch");
        assertThat(herald.get("/en/search?q=zebrafinch").body()).doesNotContain("Translator zebrafinch");
    }

    @Test
    void aVacancyWithoutClosingDateStaysOpenUntilFilled() {
        Section vacancies = section(SectionKind.VACANCIES);
        HttpResponse<String> created = editor.post("/admin/entries/new", true, "language", "en",
                "section", String.valueOf(vacancies.id()), "title", "Driver axolotl", "body", "<p>Axolotl.</p>",
                "status", "published", "k.grade", "G-3", "k.station", "Beijing", "k.closes", "");
        assertThat(created.statusCode()).isEqualTo(303);
        String list = herald.get("/en/vacancies/").body();
        assertThat(list).contains("Driver axolotl", "Open until filled");
        assertThat(list.indexOf("Driver axolotl")).as("listed after the vacancies that close")
                .isGreaterThan(list.indexOf("Programme Management Officer"));
        assertThat(herald.get("/en/vacancies/driver-axolotl").body()).contains("Open until filled");
        assertThat(editor.get(created.headers().firstValue("Location").orElseThrow()).body())
                .contains("name=\"k.closes\" type=\"datetime-local\" value=\"\"");
    }

    @Test
    void restoringARevisionBringsItsKindFieldsBack() {
        Section vacancies = section(SectionKind.VACANCIES);
        ZoneId zone = herald.bean(SiteSettings.class).current().timeZone();
        String first = LocalDateTime.now(zone).plusDays(30).withSecond(0).withNano(0).format(LOCAL);
        String second = LocalDateTime.now(zone).plusDays(60).withSecond(0).withNano(0).format(LOCAL);
        HttpResponse<String> created = editor.post("/admin/entries/new", true, "language", "en",
                "section", String.valueOf(vacancies.id()), "title", "Analyst okapi", "body", "<p>Okapi.</p>",
                "status", "published", "k.grade", "P-2", "k.station", "Astana", "k.closes", first);
        String edit = created.headers().firstValue("Location").orElseThrow();
        assertThat(editor.post(edit, true, "section", String.valueOf(vacancies.id()), "title", "Analyst okapi",
                "body", "<p>Okapi.</p>", "status", "published", "k.grade", "P-4", "k.station", "Bishkek",
                "k.closes", second).statusCode()).isEqualTo(303);
        assertThat(herald.get("/en/vacancies/analyst-okapi").body()).contains("Bishkek");

        String diff = editor.get(edit + "/revisions?from=1&to=2").body();
        assertThat(diff).contains("grade: P-2", "grade: P-4", "dutyStation: Astana", "dutyStation: Bishkek");
        assertThat(editor.post(edit + "/revisions/1/restore", true).statusCode()).isEqualTo(303);
        String page = herald.get("/en/vacancies/analyst-okapi").body();
        assertThat(page).contains("Astana", "P-2").doesNotContain("Bishkek");
        assertThat(editor.get(edit).body()).contains("value=\"" + first + "\"");
    }

    @Test
    void aCachedListDropsAVacancyAtItsClosingInstant() throws Exception {
        Section vacancies = section(SectionKind.VACANCIES);
        ZoneId zone = herald.bean(SiteSettings.class).current().timeZone();
        // The form takes seconds too: close ten seconds from now, then wait for that instant; should the
        // machine be so slow that the list was read after it, once more with forty seconds.
        for (int margin : new int[] {10, 40}) {
            String title = "Interpreter quokka " + margin;
            LocalDateTime closes = LocalDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS).plusSeconds(margin);
            assertThat(editor.post("/admin/entries/new", true, "language", "en", "section", String.valueOf(vacancies.id()),
                    "title", title, "status", "published", "k.closes", closes.toString())
                    .statusCode()).isEqualTo(303);
            String open = herald.get("/en/vacancies/").body();
            String cached = herald.get("/en/vacancies/").body(); // now served from the cache
            if (!LocalDateTime.now(zone).isBefore(closes)) {
                continue;
            }
            assertThat(open).contains(title);
            assertThat(cached).contains(title);
            while (!LocalDateTime.now(zone).isAfter(closes)) {
                Thread.sleep(250);
            }
            assertThat(herald.get("/en/vacancies/").body()).doesNotContain(title);
            assertThat(herald.get("/en/feed.atom").body()).doesNotContain(title);
            return;
        }
        throw new AssertionError("the vacancy list took more than forty seconds to read");
    }

    @Test
    void hostileInputInKindFieldsIsRefusedOrShownInert() {
        Section documents = section(SectionKind.DOCUMENTS);
        HttpResponse<String> symbol = editor.post("/admin/entries/new", true, "language", "en",
                "section", String.valueOf(documents.id()), "title", "Bad symbol", "status", "published",
                "k.symbol", "A/RES/<script>alert(1)</script>", "k.date", "2021-01-01", "k.type", "resolution");
        assertThat(symbol.statusCode()).isEqualTo(400);
        assertThat(symbol.body()).doesNotContain("<script>alert(1)");
        for (String bad : List.of("../../etc/passwd", "A//RES", "A/RES/75/69'; DROP TABLE entry;--", "A/../B", "/A/RES")) {
            assertThat(editor.post("/admin/entries/new", true, "language", "en", "section", String.valueOf(documents.id()),
                    "title", "Bad symbol", "status", "draft", "k.symbol", bad, "k.date", "2021-01-01",
                    "k.type", "resolution").statusCode()).as(bad).isEqualTo(400);
        }
        assertThat(editor.post("/admin/entries/new", true, "language", "en", "section", String.valueOf(documents.id()),
                "title", "Bad type", "status", "draft", "k.symbol", "A/1", "k.date", "2021-01-01",
                "k.type", "<b>x</b>").statusCode()).isEqualTo(400);
        assertThat(editor.post("/admin/entries/new", true, "language", "en", "section", String.valueOf(documents.id()),
                "title", "Taken symbol", "status", "draft", "k.symbol", "A/RES/75/69", "k.date", "2021-01-01",
                "k.type", "resolution").statusCode()).isEqualTo(400);

        Section links = section(SectionKind.LINK);
        for (String url : List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
                "//evil.example/", "http://a.example/\"onmouseover=\"alert(1)", "vbscript:msgbox(1)")) {
            assertThat(editor.post("/admin/entries/new", true, "language", "en", "section", String.valueOf(links.id()),
                    "title", "Bad link", "status", "published", "k.url", url).statusCode()).as(url).isEqualTo(400);
        }

        Section events = section(SectionKind.EVENTS);
        HttpResponse<String> inert = editor.post("/admin/entries/new", true, "language", "en", "section",
                String.valueOf(events.id()), "title", "Inert event", "status", "published", "k.start", "2030-01-10T10:00",
                "k.end", "2030-01-10T12:00", "k.zone", "Europe/Zurich", "k.place", "<img src=x onerror=alert(1)>",
                "k.organisers", "\"><script>alert(2)</script>");
        assertThat(inert.statusCode()).as(inert.body()).isEqualTo(303);
        String page = herald.get("/en/events/inert-event").body();
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x")
                .doesNotContain("<script>alert(2)");
        assertThat(herald.get("/en/events/").body()).doesNotContain("<img src=x");
        assertThat(editor.post("/admin/entries/new", true, "language", "en", "section", String.valueOf(events.id()),
                "title", "Bad zone", "status", "draft", "k.start", "2030-01-10T10:00", "k.end", "2030-01-10T12:00",
                "k.zone", "../../etc/localtime").statusCode()).isEqualTo(400);
        assertThat(editor.post("/admin/entries/new", true, "language", "en", "section", String.valueOf(events.id()),
                "title", "Backwards", "status", "draft", "k.start", "2030-01-10T10:00", "k.end", "2030-01-09T12:00",
                "k.zone", "Europe/Zurich").statusCode()).isEqualTo(400);
    }

    @Test
    void theHomePageShowsTheBannerAndTheLinksPageTheLinks() {
        assertThat(herald.get("/en/").body()).contains("class=\"banners\"").contains("href=\"/en/news/herald-demo-site-opens\"")
                .contains("srcset=\"/media/");
        assertThat(herald.get("/ru/").body()).contains("Открыт демонстрационный сайт Herald");
        assertThat(herald.get("/en/links/").body()).contains("href=\"https://www.un.org/\"")
                .contains("rel=\"noopener noreferrer external\"");
        String gallery = herald.get("/en/gallery/the-secretariat-in-pictures").body();
        assertThat(gallery).contains("href=\"#image-2\"").contains("id=\"image-3\"").contains("alt=\"The garden\"")
                .contains("-320.png 320w");
        assertThat(herald.get("/ru/fotogalereya/sekretariat-v-fotografiyakh").body()).contains("alt=\"Сад\"");
    }

    /** The hour at which a date property of the parsed calendar falls in a zone: the instant ical4j read is right. */
    private static int localHour(VEvent event, String property, String zone) {
        var date = ((net.fortuna.ical4j.model.property.DateProperty<?>) event.getProperty(property).orElseThrow()).getDate();
        return java.time.Instant.from(date).atZone(ZoneId.of(zone)).getHour();
    }

    private static String text(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }

    private static Section section(SectionKind kind) {
        return herald.bean(Sections.class).all().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }
}
