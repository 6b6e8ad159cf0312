package org.heraldcms.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.heraldcms.content.Entries;
import org.heraldcms.identity.AuditLog;
import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.RunningHerald;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin imports a WordPress export and a captured page from the admin and reads the report; bad files lose nothing. */
class ImportAdminTest {

    static final String PASSWORD = "correct horse battery";
    static final String WXR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><wp:base_site_url>http://old.example/</wp:base_site_url>
            <wp:category><wp:category_nicename>press</wp:category_nicename><wp:cat_name><![CDATA[Press]]></wp:cat_name></wp:category>
            <item><title>Admin-imported heron</title><link>http://old.example/2020/01/heron/</link><wp:post_id>41</wp:post_id>
            <wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt>
            <content:encoded><![CDATA[<p>The heron <script>alert(1)</script>came back.</p>]]></content:encoded>
            <category domain="category" nicename="press"><![CDATA[Press]]></category></item>
            </channel></rss>""";

    @TempDir
    static Path dataDir;
    static RunningHerald herald;
    static AdminClient admin;
    static AdminClient editor;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir);
        Users users = herald.bean(Users.class);
        users.add("root", null, Role.ADMIN, PASSWORD.toCharArray(), Optional.empty());
        users.add("ed", null, Role.EDITOR, PASSWORD.toCharArray(), Optional.empty());
        admin = AdminClient.signedIn(herald, "root", PASSWORD);
        editor = AdminClient.signedIn(herald, "ed", PASSWORD);
    }

    @AfterAll
    static void stop() {
        herald.close();
    }

    @Test
    void aWordPressExportIsImportedFromTheAdminOnceAndItsOldAddressKept() {
        long before = herald.bean(Entries.class).count();
        HttpResponse<String> imported = admin.upload("/admin/import/wxr", "export.xml", bytes(WXR), "language", "en");
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(imported.body()).select(".report [role=status]").text()).startsWith("1 created");
        assertThat(herald.bean(Entries.class).count()).isEqualTo(before + 1);
        String page = herald.get("/en/press/admin-imported-heron").body();
        assertThat(page).contains("The heron").doesNotContain("<script>alert(1)");
        HttpResponse<String> old = herald.get("/2020/01/heron/");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location").orElse("")).endsWith("/en/press/admin-imported-heron");

        HttpResponse<String> again = admin.upload("/admin/import/wxr", "export.xml", bytes(WXR), "language", "");
        assertThat(Jsoup.parse(again.body()).select(".report [role=status]").text()).startsWith("0 created, 0 updated, 1 unchanged");
        assertThat(herald.bean(Entries.class).count()).isEqualTo(before + 1);
        assertThat(herald.bean(AuditLog.class).recent(10)).extracting(e -> e.username() + " " + e.action())
                .contains("root import-wxr");
    }

    @Test
    void aCapturedPageIsImportedIntoASection() {
        String capture = "Ibis count published\n\n2021-06-01 09:30:00 admin source: share:\n\n\nThe ibis count is out.\n\n"
                + "Powered by MetInfo 7.2.0 ©2008-2024\n";
        HttpResponse<String> imported = admin.upload("/admin/import/capture", "ibis.txt", bytes(capture),
                "language", "en", "section", "news");
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(imported.body()).select(".report [role=status]").text()).startsWith("1 created");
        assertThat(herald.get("/en/news/ibis-count-published").body()).contains("The ibis count is out.")
                .doesNotContain("Powered by MetInfo");
    }

    @Test
    void hostileAndBrokenFilesGetAClearAnswerAndImportNothing() throws Exception {
        long before = herald.bean(Entries.class).count();
        java.util.Set<Path> uploadsBefore = uploadsLeft(); // another build on the machine may have its own
        Path secret = Files.writeString(dataDir.resolve("secret.txt"), "top secret value");
        String xxe = """
                <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file://%s">]>
                <rss><channel><item><title>&secret;</title></item></channel></rss>""".formatted(secret.toAbsolutePath());
        HttpResponse<String> refused = admin.upload("/admin/import/wxr", "xxe.xml", bytes(xxe));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select(".problem").text()).isNotBlank();
        assertThat(refused.body()).doesNotContain("top secret value");

        HttpResponse<String> truncated = admin.upload("/admin/import/wxr", "../../etc/passwd", bytes(WXR.substring(0, 400)));
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(truncated.body()).select(".problem").text()).isNotBlank();

        HttpResponse<String> noLanguage = admin.upload("/admin/import/wxr", "export.xml", bytes(WXR), "language", "xx");
        assertThat(noLanguage.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noLanguage.body()).select(".problem").text()).contains("no language 'xx'");
        assertThat(admin.upload("/admin/import/capture", "c.txt", bytes("Title\n\nText\n"), "language", "en", "section",
                "../admin").statusCode()).isEqualTo(400);
        assertThat(herald.bean(Entries.class).count()).isEqualTo(before);
        assertThat(uploadsLeft()).as("uploads are deleted after reading").isSubsetOf(uploadsBefore);
    }

    private static java.util.Set<Path> uploadsLeft() throws java.io.IOException {
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return left.filter(p -> p.getFileName().toString().startsWith("herald-import-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void onlyAdminsImport() {
        assertThat(editor.get("/admin/import").statusCode()).isEqualTo(403);
        assertThat(editor.upload("/admin/import/wxr", "export.xml", bytes(WXR)).statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/import").body()).contains("action=\"/admin/import/wxr\"", "enctype=\"multipart/form-data\"");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
