package org.heraldcms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.OfficeFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SECURITY.md 6 — uploads that execute. Scripts, pages and SVG are refused whatever their name;
 * polyglots that really are images are stored under a random name with the image's own extension
 * and served as that image type with {@code nosniff}: never as HTML or script.
 */
class UploadTest {

    static final byte[] PHP = "<?php system($_GET['c']); ?>".getBytes(StandardCharsets.UTF_8);
    static final byte[] HTML = "<html><body><script>alert(document.cookie)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path root;
    static AttackSite site;

    @BeforeAll
    static void start() {
        site = AttackSite.start(root);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static byte[] join(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void executableAndDisguisedFilesAreRefused() {
        Map<String, byte[]> refused = new LinkedHashMap<>();
        refused.put("shell.jsp", "<% Runtime.getRuntime().exec(request.getParameter(\"c\")); %>".getBytes());
        refused.put("shell.php", PHP);
        refused.put("shell.phtml", PHP);
        refused.put("shell.pphphp", PHP);
        refused.put("page.html", HTML);
        refused.put("page.htm", HTML);
        refused.put("image.svg", ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)"
                + "</script></svg>").getBytes());
        refused.put("shell.php.jpg", PHP);
        refused.put("photo.jpg", HTML);
        refused.put("shell.php\u0000.png", PHP);
        refused.put("gif-html.gif", join("GIF89a".getBytes(), HTML)); // a GIF signature and nothing of a GIF
        refused.put("empty.png", new byte[0]);
        AdminClient author = site.clients.get("author");
        int before = site.herald.bean(MediaLibrary.class).recent(1000).size();
        for (var file : refused.entrySet()) {
            HttpResponse<String> answer = author.upload("/admin/media", file.getKey(), file.getValue());
            assertThat(answer.statusCode()).as(file.getKey()).isEqualTo(400);
        }
        assertThat(site.herald.bean(MediaLibrary.class).recent(1000)).hasSize(before);
    }

    @Test
    void polyglotImagesAreStoredAsImagesUnderRandomNamesAndServedInert() throws IOException {
        AdminClient editor = site.clients.get("editor");
        Map<String, byte[]> polyglots = new LinkedHashMap<>();
        polyglots.put("photo.jpg.php", join(AttackSite.png(), PHP));
        polyglots.put("<img src=x onerror=alert(1)>.php.png", join(AttackSite.png(), HTML));
        polyglots.put("../../../../tmp/evil.png", AttackSite.png());
        for (var file : polyglots.entrySet()) {
            assertThat(editor.upload("/admin/media", file.getKey(), file.getValue()).statusCode()).as(file.getKey())
                    .isEqualTo(303);
        }
        List<MediaItem> stored = site.herald.bean(MediaLibrary.class).recent(3);
        for (MediaItem item : stored) {
            assertThat(item.storedName()).matches("[0-9a-f]{32}\\.png");
            HttpResponse<String> served = site.herald.get("/media/" + item.storedName());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(served.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
            String base = item.storedName().substring(0, 32);
            for (String other : List.of(".php", ".html", ".jsp", ".svg", ".png.php")) {
                assertThat(site.herald.get("/media/" + base + other).statusCode()).isEqualTo(404);
            }
        }
        assertThat(Files.exists(Path.of("/tmp/evil.png"))).isFalse();
        try (Stream<Path> files = Files.list(site.dataDir.resolve("media"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .allMatch(n -> n.matches("[0-9a-f]{32}(-\\d+)?\\.(png|jpg|gif|pdf|docx|xlsx|pptx|odt|ods|odp|doc|xls|ppt|zip)"),
                            "random names only");
        }
        String library = editor.get("/admin/media").body();
        HostileMarkup.assertInert("/admin/media", library);
        assertThat(library).contains("&lt;img src=x onerror=alert(1)&gt;.php.png");
    }

    @Test
    void macroOfficeFilesOtherCompoundFilesAndBrokenArchivesAreRefused() throws IOException {
        byte[] zip = OfficeFiles.docx();
        byte[] beyond = zip.clone(); // the end record's central directory offset past the end of the file
        int end = zip.length - 22;
        ByteBuffer.wrap(beyond).order(ByteOrder.LITTLE_ENDIAN).putInt(end + 16, zip.length + 1000);
        Map<String, byte[]> refused = new LinkedHashMap<>();
        refused.put("report.docm", OfficeFiles.docx("word/vbaProject.bin"));
        refused.put("report.docx", OfficeFiles.docx("word/vbaProject.bin"));
        refused.put("letter.doc", OfficeFiles.ole2("WordDocument", "1Table", "Macros", "VBA"));
        refused.put("setup.msi", OfficeFiles.ole2("\u0005SummaryInformation"));
        refused.put("summary.doc", OfficeFiles.ole2("\u0005SummaryInformation"));
        refused.put("truncated.zip", Arrays.copyOf(zip, 100));
        refused.put("beyond.docx", beyond);
        refused.put("page.docx", join("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), HTML));
        AdminClient editor = site.clients.get("editor");
        int before = site.herald.bean(MediaLibrary.class).recent(1000).size();
        long files = mediaFiles();
        for (var file : refused.entrySet()) {
            HttpResponse<String> answer = editor.upload("/admin/media", file.getKey(), file.getValue());
            assertThat(answer.statusCode()).as(file.getKey()).isEqualTo(400);
            HostileMarkup.assertInert("/admin/media", answer.body());
        }
        assertThat(editor.upload("/admin/media", "report.docm", OfficeFiles.docx("word/vbaProject.bin")).body())
                .contains("Office files with macros are not accepted");
        assertThat(editor.upload("/admin/media", "letter.doc", OfficeFiles.ole2("WordDocument", "Macros")).body())
                .contains("Office files with macros are not accepted");
        assertThat(site.herald.bean(MediaLibrary.class).recent(1000)).hasSize(before);
        assertThat(mediaFiles()).isEqualTo(files);
    }

    @Test
    void theBytesDecideTheTypeAndTheDownloadNameEndsWithIt() {
        AdminClient editor = site.clients.get("editor");
        Map<String, String> named = new LinkedHashMap<>(); // uploaded name (a plain zip each time) -> name downloaded
        named.put("report.docx", "report.docx.zip");
        named.put("page.html", "page.html.zip");
        named.put("run.bat", "run.bat.zip");
        named.put("ARCHIVE.ZIP", "ARCHIVE.ZIP");
        for (var name : named.entrySet()) {
            assertThat(editor.upload("/admin/media", name.getKey(), OfficeFiles.zip("readme.txt")).statusCode())
                    .as(name.getKey()).isEqualTo(303);
            MediaItem item = site.herald.bean(MediaLibrary.class).recent(1).get(0);
            assertThat(item.storedName()).matches("[0-9a-f]{32}\\.zip");
            assertThat(item.contentType()).isEqualTo("application/zip");
            HttpResponse<String> served = site.herald.get(item.url());
            assertThat(served.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(served.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\""
                    + name.getValue() + "\"; filename*=UTF-8''" + name.getValue());
        }
    }

    @Test
    void aHostileUploadedNameCannotBreakTheDownloadHeader() {
        // names from an import or an address carry what a browser's form would not: CR/LF, quotes, ';', '*'
        MediaItem item = site.herald.bean(MediaLibrary.class).store("a\"; filename=evil.html\r\nSet-Cookie: x=1;*ü.pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8), "editor1");
        HttpResponse<String> served = site.herald.get(item.url());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().allValues("Content-Disposition")).containsExactly(
                "attachment; filename=\"a___filename_evil.htmlSet-Cookie__x_1___.pdf\"; "
                        + "filename*=UTF-8''a%22%3B%20filename%3Devil.htmlSet-Cookie%3A%20x%3D1%3B%2A%C3%BC.pdf");
        assertThat(served.headers().firstValue("Set-Cookie")).isEmpty();
        String raw = site.herald.raw(item.url(), "Host: localhost");
        assertThat(raw.lines().filter(l -> l.startsWith("Content-Disposition:"))).hasSize(1);
        assertThat(raw).doesNotContain("\r\nSet-Cookie: x=1");
    }

    private long mediaFiles() throws IOException {
        try (Stream<Path> files = Files.list(site.dataDir.resolve("media"))) {
            return files.count();
        }
    }

    @Test
    void onlyRolesThatUploadCanUpload() {
        assertThat(site.clients.get("translator").upload("/admin/media", "a.png", AttackSite.png()).statusCode())
                .isEqualTo(403);
        // Anonymous uploads: refused for want of a session and CSRF token, like every POST (CsrfTest).
    }
}
