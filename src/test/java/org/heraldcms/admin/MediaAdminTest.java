package org.heraldcms.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.OfficeFiles;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads: type from the bytes, random names under DATA/media/, resized variants, served inert. */
class MediaAdminTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dataDir;
    static RunningHerald herald;
    static AdminClient author;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir);
        herald.bean(Users.class).add("writer", null, Role.AUTHOR, PASSWORD.toCharArray(), Optional.empty());
        herald.bean(Users.class).add("olga", null, Role.TRANSLATOR, PASSWORD.toCharArray(), Optional.empty());
        author = AdminClient.signedIn(herald, "writer", PASSWORD);
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    @Test
    void anImageIsStoredUnderARandomNameWithResizedVariants() throws Exception {
        BufferedImage image = new BufferedImage(2000, 1000, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        HttpResponse<String> answer = author.upload("/admin/media", "../../evil name<script>.php.png", png.toByteArray());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);

        MediaItem item = herald.bean(MediaLibrary.class).recent(1).get(0);
        assertThat(item.storedName()).matches("[0-9a-f]{32}\\.png");
        assertThat(item.variantWidths()).containsExactly(320, 768, 1600);
        assertThat(item.width()).isEqualTo(2000);
        try (var files = Files.list(dataDir.resolve("media"))) {
            // the upload's four files (the demo site's own pictures and PDFs are there too since issue 9)
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(
                    item.storedName().substring(0, 32)))).hasSize(4);
        }
        BufferedImage small = ImageIO.read(dataDir.resolve("media").resolve(item.storedName().replace(".png", "-320.png"))
                .toFile());
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(160);
        assertThat(item.srcset()).contains("-320.png 320w", "-768.png 768w", "-1600.png 1600w", ".png 2000w");

        HttpResponse<String> served = herald.get(item.url());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(author.get("/admin/media").body()).contains(item.srcset()).doesNotContain("<script>.php");

        long section = herald.bean(org.heraldcms.site.Sections.class).byPath("en", "news").orElseThrow().id();
        String body = "<p><img src=\"" + item.url() + "\" srcset=\"" + item.srcset() + "\" sizes=\"(max-width: 600px) 100vw, 768px\" alt=\"A\">"
                + "<img src=\"/x.png\" srcset=\"javascript:alert(1) 1w, https://evil.example/a.png 2w\" alt=\"B\"></p>";
        var entry = herald.bean(org.heraldcms.content.Entries.class).save(org.heraldcms.content.EntryDraft.of("en",
                section, "With a picture", body, "A", java.time.Instant.parse("2024-01-01T00:00:00Z"),
                org.heraldcms.content.EntryStatus.PUBLISHED), "writer");
        var page = org.jsoup.Jsoup.parse(herald.get(herald.bean(org.heraldcms.site.Sections.class).byId(section)
                .orElseThrow().entryPath("en", entry.slug())).body());
        assertThat(page.select("article img[alt=A]").attr("srcset").replace(" ,", ",")).isEqualTo(item.srcset());
        assertThat(page.select("article img[alt=A]").attr("sizes")).isEqualTo("(max-width: 600px) 100vw, 768px");
        assertThat(page.select("article img[alt=B]").hasAttr("srcset")).isFalse();
    }

    @Test
    void filesThatAreNotWhatTheyClaimAreRefused() {
        for (byte[] hostile : List.of("<?php system($_GET['c']); ?>".getBytes(StandardCharsets.UTF_8),
                "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".getBytes(StandardCharsets.UTF_8),
                new byte[0])) {
            HttpResponse<String> answer = author.upload("/admin/media", "photo.jpg", hostile);
            assertThat(answer.statusCode()).isEqualTo(400);
        }
        byte[] truncatedPng = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        assertThat(author.upload("/admin/media", "broken.png", truncatedPng).statusCode()).isEqualTo(400);
    }

    @Test
    void documentsAreServedAsAttachmentsAndNamesOutsideTheLibraryAreNotFound() {
        assertThat(author.upload("/admin/media", "report.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(303);
        MediaItem pdf = herald.bean(MediaLibrary.class).recent(1).get(0);
        HttpResponse<String> served = herald.get(pdf.url());
        assertThat(served.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/pdf");
        for (String path : List.of("/media/herald.db", "/media/..%2Fherald.db", "/media/%2e%2e%2fherald.db",
                "/media/" + pdf.storedName().replace(".pdf", ".png"))) {
            assertThat(herald.get(path).statusCode()).as(path).isIn(400, 404);
        }
    }

    @Test
    void officeOpenDocumentAndZipFilesAreKnownByTheirBytesAndDownloadedUnderTheirOwnNames() {
        record Upload(String name, byte[] bytes, String extension, String type, String disposition) {
        }
        List<Upload> uploads = List.of(
                new Upload("Отчёт \\\"2024\\\" final.docx", OfficeFiles.docx(), "docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "attachment; filename=\"_______2024__final.docx\"; "
                                + "filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82%20%222024%22%20final.docx"),
                new Upload("budget 2025.xlsx", OfficeFiles.xlsx(), "xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "attachment; filename=\"budget_2025.xlsx\"; filename*=UTF-8''budget%202025.xlsx"),
                new Upload("minutes.odt", OfficeFiles.openDocument("application/vnd.oasis.opendocument.text"), "odt",
                        "application/vnd.oasis.opendocument.text",
                        "attachment; filename=\"minutes.odt\"; filename*=UTF-8''minutes.odt"),
                new Upload("photos.zip", OfficeFiles.zip("photos/a.txt", "photos/b.txt"), "zip", "application/zip",
                        "attachment; filename=\"photos.zip\"; filename*=UTF-8''photos.zip"),
                new Upload("letter.doc", OfficeFiles.ole2("WordDocument", "1Table"), "doc", "application/msword",
                        "attachment; filename=\"letter.doc\"; filename*=UTF-8''letter.doc"),
                new Upload("figures.xls", OfficeFiles.ole2("Workbook"), "xls", "application/vnd.ms-excel",
                        "attachment; filename=\"figures.xls\"; filename*=UTF-8''figures.xls"),
                new Upload("slides.pptx", OfficeFiles.pptx(), "pptx",
                        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                        "attachment; filename=\"slides.pptx\"; filename*=UTF-8''slides.pptx"));
        for (Upload upload : uploads) {
            HttpResponse<String> answer = author.upload("/admin/media", upload.name(), upload.bytes());
            assertThat(answer.statusCode()).as(upload.name() + ": " + answer.body()).isEqualTo(303);
            MediaItem item = herald.bean(MediaLibrary.class).recent(1).get(0);
            assertThat(item.storedName()).as(upload.name()).matches("[0-9a-f]{32}\\." + upload.extension());
            assertThat(item.contentType()).isEqualTo(upload.type());
            assertThat(item.kind()).isEqualTo(upload.extension().toUpperCase(java.util.Locale.ROOT));
            assertThat(item.variantWidths()).isEmpty();

            HttpResponse<String> served = herald.get(item.url());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).as(upload.name()).hasValue(upload.type());
            assertThat(served.headers().firstValue("Content-Length")).hasValue(String.valueOf(upload.bytes().length));
            assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(served.headers().allValues("Content-Disposition")).as(upload.name())
                    .containsExactly(upload.disposition());
        }
        assertThat(herald.bean(MediaLibrary.class).recent(1).get(0).originalName()).isEqualTo("slides.pptx");
        assertThat(herald.bean(MediaLibrary.class).recent(uploads.size()).get(uploads.size() - 1).originalName())
                .isEqualTo("Отчёт \"2024\" final.docx");
        String library = author.get("/admin/media").body();
        assertThat(library).contains("DOCX, ", "XLSX, ", "ODT, ", "ZIP, ", "DOC, ", "XLS, ", "PPTX, ")
                .doesNotContain("VND.", "vnd.openxmlformats");
    }

    @Test
    void translatorsCannotUpload() {
        AdminClient translator = AdminClient.signedIn(herald, "olga", PASSWORD);
        assertThat(translator.upload("/admin/media", "report.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(403);
    }
}
