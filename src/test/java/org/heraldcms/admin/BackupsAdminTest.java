package org.heraldcms.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.heraldcms.identity.AuditLog;
import org.heraldcms.identity.Role;
import org.heraldcms.identity.Users;
import org.heraldcms.support.AdminClient;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin backs the site up from the admin and downloads the archive; nobody else can, and no name reaches another file. */
class BackupsAdminTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dataDir;
    static RunningHerald herald;
    static AdminClient admin;
    static AdminClient editor;

    @BeforeAll
    static void start() {
        herald = RunningHerald.start(dataDir, "--herald.backup.keep=2");
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
    void anAdminBacksUpNowAndDownloadsTheWholeSite() throws IOException {
        HttpResponse<String> made = admin.post("/admin/backups", true);
        assertThat(made.statusCode()).isEqualTo(303);
        String name = made.headers().firstValue("Location").orElseThrow().replaceFirst(".*made=", "");
        assertThat(name).matches("herald-\\d{8}-\\d{6}(-\\d+)?\\.zip"); // a second one in the same second gets -2
        assertThat(admin.get("/admin/backups?made=" + name).body()).contains("Backup written: " + name)
                .contains("href=\"/admin/backups/" + name + "\"");

        HttpResponse<byte[]> download = admin.download("/admin/backups/" + name);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
                .contains(name);
        assertThat(download.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(download.body()).isEqualTo(Files.readAllBytes(dataDir.resolve("backups").resolve(name)));
        Map<String, String> archive = unzip(download.body());
        assertThat(archive.get("content/entry.ndjson")).contains("interactive-consultations");
        assertThat(archive).containsKeys("herald-backup.json", "summary.json");

        assertThat(herald.bean(AuditLog.class).recent(20)).extracting(e -> e.username() + " " + e.action())
                .contains("root backup", "root backup-download");
    }

    @Test
    void theNewestBackupsAreKept() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            assertThat(admin.post("/admin/backups", true).statusCode()).isEqualTo(303);
        }
        String page = admin.get("/admin/backups").body();
        assertThat(page.split("href=\"/admin/backups/herald-", -1)).hasSize(3); // herald.backup.keep=2
    }

    @Test
    void onlyAdminsAndOnlyBackupNames() {
        assertThat(admin.post("/admin/backups", true).statusCode()).isEqualTo(303);
        assertThat(editor.get("/admin/backups").statusCode()).isEqualTo(403);
        assertThat(editor.post("/admin/backups", true).statusCode()).isEqualTo(403);
        assertThat(new AdminClient(herald).get("/admin/backups").statusCode()).isEqualTo(302);
        String name = admin.get("/admin/backups").body().replaceFirst("(?s).*href=\"/admin/backups/(herald-[^\"]+)\".*", "$1");
        assertThat(editor.download("/admin/backups/" + name).statusCode()).isEqualTo(403);
        for (String hostile : List.of("herald.db", "..%2Fherald.db", "herald-20260101-000000.zip%2F..%2F..%2Fherald.db",
                "%2e%2e%2fherald.db", "herald-20260101-000000.zip", name + ".partial")) {
            HttpResponse<String> answer = admin.getRaw(URI.create(herald.uri("/admin/backups/") + hostile));
            assertThat(answer.statusCode()).as(hostile).isIn(400, 404);
            assertThat(answer.body()).as(hostile).doesNotContain("SQLite format");
        }
    }

    private static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                out.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
