package org.heraldcms.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.heraldcms.content.Entries;
import org.heraldcms.content.EntryMedia;
import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.publishing.StaticExport;
import org.heraldcms.site.Sections;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.RunningHerald;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Covers and attachments as an editor sets them in the admin and a visitor sees them: a responsive
 * cover with srcset on the entry page, in lists and in the head; downloads with their types; kept in
 * revisions; hostile ids refused; a file in use is not deleted; the static export carries them.
 */
class EntryFilesTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path exportDir;
    static RunningHerald herald;
    static AdminClient chief;
    static MediaItem wide;
    static MediaItem square;
    static MediaItem report;
    static MediaItem chart;
    static long section;

    @BeforeAll
    static void start() throws Exception {
        herald = RunningHerald.start(dataDir);
        herald.bean(Users.class).add("chief", null, Role.ADMIN, PASSWORD.toCharArray(), Optional.empty());
        herald.bean(Users.class).add("writer", null, Role.AUTHOR, PASSWORD.toCharArray(), Optional.empty());
        chief = AdminClient.signedIn(herald, "chief", PASSWORD);
        section = herald.bean(Sections.class).byPath("en", "news").orElseThrow().id();
        wide = upload("delegates.png", png(2000, 1000));
        square = upload("hall.png", png(1000, 1000));
        report = upload("annual-report.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        chart = upload("chart.png", png(400, 300));
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    @Test
    void aCoverAndAttachmentsShowOnThePublicSiteAndComeBackWithARevision() throws Exception {
        HttpResponse<String> created = chief.post("/admin/entries/new", true, entryFields("Delegates meet",
                "cover", id(wide), "coverAlt", "Delegates around the table", "attachment", id(report),
                "attachment", id(chart)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String edit = created.headers().firstValue("Location").orElseThrow();
        long entryId = Long.parseLong(edit.substring(edit.lastIndexOf('/') + 1));

        Document editor = Jsoup.parse(chief.get(edit).body());
        assertThat(editor.select("select[name=cover] option[selected]").attr("value")).isEqualTo(id(wide));
        assertThat(editor.select("input[name=attachment][checked]").eachAttr("value")).containsExactly(id(report), id(chart));
        assertThat(editor.select("select[name=cover] option").eachAttr("value")).doesNotContain(id(report));

        Document page = publicPage("/en/news/delegates-meet");
        Element cover = page.selectFirst("article figure.cover img");
        assertThat(cover).isNotNull();
        assertThat(cover.attr("srcset")).contains(wide.storedName().replace(".png", "-320.png 320w"),
                "-768.png 768w", "-1600.png 1600w", wide.storedName() + " 2000w");
        assertThat(cover.attr("width")).isEqualTo("2000");
        assertThat(cover.attr("height")).isEqualTo("1000");
        assertThat(cover.attr("alt")).isEqualTo("Delegates around the table");
        assertThat(cover.attr("sizes")).isNotBlank();
        assertThat(page.selectFirst("meta[property=og:image]").attr("content"))
                .isEqualTo("http://localhost:8080" + wide.variantUrl(1600));
        assertThat(page.select("script[type=application/ld+json]").html()).contains("\"image\"", "ImageObject",
                "-1600.png");

        List<Element> downloads = page.select(".downloads li a");
        assertThat(downloads).extracting(Element::text).containsExactly("annual-report.pdf", "chart.png");
        assertThat(page.select(".downloads li").get(0).text()).contains("PDF");
        HttpResponse<String> pdf = herald.get(downloads.get(0).attr("href"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        assertThat(herald.get(downloads.get(1).attr("href")).headers().firstValue("Content-Type")).hasValue("image/png");

        Element card = publicPage("/en/news/").selectFirst("li.card.with-cover img.card-cover");
        assertThat(card).isNotNull();
        assertThat(card.attr("srcset")).contains(wide.storedName().replace(".png", "-320.png"));
        assertThat(card.attr("width")).isEqualTo("2000");

        HttpResponse<String> changed = chief.post(edit, true, entryFields("Delegates meet", "cover", id(square),
                "coverAlt", "The hall", "attachment", id(chart)));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
        page = publicPage("/en/news/delegates-meet");
        assertThat(page.selectFirst("figure.cover img").attr("src")).contains(square.storedName().substring(0, 32));
        assertThat(page.select(".downloads li a")).extracting(Element::text).containsExactly("chart.png");

        HttpResponse<String> restored = chief.post(edit + "/revisions/1/restore", true);
        assertThat(restored.statusCode()).isEqualTo(303);
        page = publicPage("/en/news/delegates-meet");
        assertThat(page.selectFirst("figure.cover img").attr("src")).contains(wide.storedName().substring(0, 32));
        assertThat(page.selectFirst("figure.cover img").attr("alt")).isEqualTo("Delegates around the table");
        assertThat(page.select(".downloads li a")).extracting(Element::text).containsExactly("annual-report.pdf", "chart.png");
        assertThat(herald.bean(Entries.class).revisions(entryId)).hasSize(3);

        StaticExport.Report export = herald.bean(StaticExport.class).export(exportDir, herald.uri(""));
        assertThat(export.broken()).isEmpty();
        assertThat(exportDir.resolve("media").resolve(report.storedName())).exists();
        assertThat(exportDir.resolve("media").resolve(wide.storedName().replace(".png", "-768.png"))).exists();
        assertThat(Files.readAllBytes(exportDir.resolve("media").resolve(report.storedName())))
                .isEqualTo(Files.readAllBytes(dataDir.resolve("media").resolve(report.storedName())));
    }

    @Test
    void aTranslationStartsWithTheOriginalsFilesAndMayChooseItsOwn() {
        HttpResponse<String> created = chief.post("/admin/entries/new", true, entryFields("Water statement",
                "cover", id(wide), "attachment", id(report)));
        String edit = created.headers().firstValue("Location").orElseThrow();
        Document form = Jsoup.parse(chief.get(edit + "/translate?language=ru").body());
        assertThat(form.select("select[name=cover] option[selected]").attr("value")).isEqualTo(id(wide));
        assertThat(form.select("input[name=attachment][checked]").eachAttr("value")).containsExactly(id(report));

        HttpResponse<String> translated = chief.post(edit + "/translate", true, "language", "ru", "section",
                String.valueOf(section), "title", "Заявление о воде", "status", "published", "media", "1",
                "cover", id(square), "coverAlt", "Зал");
        assertThat(translated.statusCode()).as(translated.body()).isEqualTo(303);
        String ru = translated.headers().firstValue("Location").orElseThrow();
        EntryMedia media = herald.bean(Entries.class).media(Long.parseLong(ru.substring(ru.lastIndexOf('/') + 1)));
        assertThat(media.coverId()).isEqualTo(square.id());
        assertThat(media.coverAlt()).isEqualTo("Зал");
        assertThat(media.attachmentIds()).isEmpty();

        HttpResponse<String> withoutFields = chief.post(edit + "/translate", true, "language", "zh", "section",
                String.valueOf(section), "title", "关于水的声明", "status", "draft");
        assertThat(withoutFields.statusCode()).as(withoutFields.body()).isEqualTo(303);
        String zh = withoutFields.headers().firstValue("Location").orElseThrow();
        assertThat(herald.bean(Entries.class).media(Long.parseLong(zh.substring(zh.lastIndexOf('/') + 1))))
                .as("a translation saved without the picker keeps the original's files")
                .isEqualTo(new EntryMedia(wide.id(), "", List.of(report.id())));
    }

    @Test
    void hostileIdsAreRefusedWithAReasonAndNothingIsStored() {
        HttpResponse<String> created = chief.post("/admin/entries/new", true, entryFields("Hostile ids", "cover", id(wide)));
        String edit = created.headers().firstValue("Location").orElseThrow();
        long entryId = Long.parseLong(edit.substring(edit.lastIndexOf('/') + 1));
        Entries entries = herald.bean(Entries.class);
        int revisions = entries.revisions(entryId).size();

        List<String[]> hostile = List.of(
                new String[] {"cover", "1 OR 1=1", "must be chosen from the media library"},
                new String[] {"cover", "'; DROP TABLE media; --", "must be chosen from the media library"},
                new String[] {"cover", String.valueOf(entryId), "There is no media item " + entryId},
                new String[] {"cover", String.valueOf(section), "There is no media item " + section},
                new String[] {"cover", "999999999", "There is no media item 999999999"},
                new String[] {"cover", id(report), "must be an image"},
                new String[] {"cover", "-5", "must be chosen from the media library"},
                new String[] {"cover", "99999999999999999999999", "must be chosen from the media library"},
                new String[] {"attachment", "0x10", "must be chosen from the media library"},
                new String[] {"attachment", "424242", "There is no media item 424242"},
                new String[] {"attachment", id(chart) + ") OR (1=1", "must be chosen from the media library"});
        for (String[] h : hostile) {
            HttpResponse<String> answer = chief.post(edit, true, entryFields("Hostile ids changed", h[0], h[1]));
            assertThat(answer.statusCode()).as(h[1]).isEqualTo(400);
            assertThat(Jsoup.parse(answer.body()).select(".problem").text()).as(h[1]).contains(h[2]);
        }
        assertThat(entries.revisions(entryId)).hasSize(revisions);
        assertThat(entries.find(entryId).orElseThrow().title()).isEqualTo("Hostile ids");
        assertThat(entries.media(entryId)).isEqualTo(new EntryMedia(wide.id(), "", List.of()));
        assertThat(herald.bean(MediaLibrary.class).find(wide.id())).isPresent();
    }

    @Test
    void aFileInUseIsNotDeletedAndAnUnusedOneIs() throws Exception {
        HttpResponse<String> created = chief.post("/admin/entries/new", true, entryFields("Keeps its files",
                "attachment", id(report)));
        assertThat(created.statusCode()).isEqualTo(303);
        HttpResponse<String> refused = chief.post("/admin/media/" + report.id() + "/delete", true);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select(".problem").text())
                .contains("annual-report.pdf", "an attachment of “Keeps its files” (en)");
        assertThat(herald.get(report.url()).statusCode()).isEqualTo(200);

        HttpResponse<String> coverRefused = chief.post("/admin/media/" + wide.id() + "/delete", true);
        assertThat(coverRefused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(coverRefused.body()).select(".problem").text()).contains("the cover of");

        MediaItem inText = upload("in-text.png", png(800, 400));
        assertThat(chief.post("/admin/entries/new", true, "language", "en", "section", String.valueOf(section), "title",
                "Shows an image", "body", "<p><img src=\"" + inText.variantUrl(320) + "\" alt=\"x\"></p>", "status", "draft")
                .statusCode()).isEqualTo(303);
        HttpResponse<String> textRefused = chief.post("/admin/media/" + inText.id() + "/delete", true);
        assertThat(textRefused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(textRefused.body()).select(".problem").text()).contains("the text of “Shows an image” (en)");

        // the demo's document file, gallery picture and banner picture are uses too
        for (String[] use : new String[][] {{"a-res-75-69-en.pdf", "the file of the document “"},
                {"gallery-1.png", "a picture of the gallery “The secretariat in pictures” (en)"},
                {"banner.png", "the picture of “Herald demo site opens” (en)"}}) {
            MediaItem demo = herald.bean(MediaLibrary.class).recent(500).stream()
                    .filter(m -> m.originalName().equals(use[0])).findFirst().orElseThrow();
            HttpResponse<String> kindRefused = chief.post("/admin/media/" + demo.id() + "/delete", true);
            assertThat(kindRefused.statusCode()).as(use[0]).isEqualTo(400);
            assertThat(Jsoup.parse(kindRefused.body()).select(".problem").text()).contains(use[1]);
            assertThat(herald.get(demo.url()).statusCode()).as(use[0]).isEqualTo(200);
        }

        MediaItem spare = upload("spare.png", png(800, 400));
        AdminClient writer = AdminClient.signedIn(herald, "writer", PASSWORD);
        assertThat(writer.post("/admin/media/" + spare.id() + "/delete", true).statusCode()).isEqualTo(403);
        HttpResponse<String> deleted = chief.post("/admin/media/" + spare.id() + "/delete", true);
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(herald.get(spare.url()).statusCode()).isEqualTo(404);
        assertThat(herald.get(spare.variantUrl(320)).statusCode()).isEqualTo(404);
        assertThat(herald.bean(MediaLibrary.class).find(spare.id())).isEmpty();
        assertThat(chief.post("/admin/media/" + spare.id() + "/delete", true).statusCode()).isEqualTo(400);
        assertThat(chief.post("/admin/media/abc/delete", true).statusCode()).isEqualTo(400);
    }

    private static String[] entryFields(String title, String... media) {
        List<String> fields = new ArrayList<>(List.of("language", "en", "section", String.valueOf(section), "title", title,
                "body", "<p>Text of " + title + ".</p>", "status", "published", "media", "1"));
        fields.addAll(List.of(media));
        return fields.toArray(String[]::new);
    }

    private static Document publicPage(String path) {
        HttpResponse<String> answer = herald.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(answer.body());
    }

    private static MediaItem upload(String name, byte[] bytes) {
        HttpResponse<String> answer = chief.upload("/admin/media", name, bytes);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        return herald.bean(MediaLibrary.class).recent(1).get(0);
    }

    private static String id(MediaItem item) {
        return String.valueOf(item.id());
    }

    private static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
