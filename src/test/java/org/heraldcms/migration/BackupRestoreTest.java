package org.heraldcms.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Redirects;
import org.heraldcms.identity.Role;
import org.heraldcms.identity.TwoFactor;
import org.heraldcms.identity.Users;
import org.heraldcms.identity.internal.RecoveryCodeRepository;
import org.heraldcms.identity.internal.RecoveryCodes;
import org.heraldcms.identity.internal.Totp;
import org.heraldcms.site.Sections;
import org.heraldcms.site.SiteSettings;
import org.heraldcms.support.Fixtures;
import org.heraldcms.support.RunningHerald;
import org.heraldcms.support.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreTest {

    private static final String ARTICLE = "/en/news/interactive-consultations-held-between-sco-and-un-secretariats";
    /** Views counted while checking a restored site are written only at shutdown, after its backup is taken. */
    private static final String NO_VIEW_WRITES = "--herald.views.flush-every=PT1H";
    private static final byte[] LOGO = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};

    @TempDir
    Path dir;

    @Test
    void backupRestoreBackupGivesIdenticalContentOnSqliteAndPostgres() throws Exception {
        Path first = dir.resolve("first.zip");
        Expected expected;
        try (RunningHerald herald = RunningHerald.offline(dir.resolve("a"))) {
            Files.createDirectories(dir.resolve("a/media/2021"));
            Files.write(dir.resolve("a/media/2021/logo.png"), LOGO);
            Path wxr = Fixtures.ROOT.resolve("wxr/wordpress-develop_valid-wxr-1.1.xml");
            if (Files.exists(wxr)) {
                herald.bean(WxrImporter.class).importFile(wxr, null, ImportProgress.NONE);
            }
            giveTheArticleACoverAndAnAttachment(herald);
            giveAnAccountRecoveryCodesOneUsed(herald);
            expected = Expected.of(herald);
            Backups.Summary summary = herald.bean(Backups.class).backup(first, ImportProgress.NONE);
            // the logo and the demo site's own media (section kinds: pictures, PDFs and their variants)
            long media;
            try (var walk = Files.walk(dir.resolve("a/media"))) {
                media = walk.filter(Files::isRegularFile).count();
            }
            assertThat(summary.files()).isEqualTo(media).isGreaterThan(1);
            assertThat(summary.rows().get("entry")).isEqualTo(expected.entries);
            assertThat(summary.rows().get("recovery_code")).isEqualTo(10);
        }
        Path second = dir.resolve("second.zip");
        try (RunningHerald herald = RunningHerald.start(dir.resolve("b"), "--herald.demo-content=false", NO_VIEW_WRITES)) {
            herald.bean(Backups.class).restore(first, ImportProgress.NONE);
            assertSameSite(herald, expected, dir.resolve("b"));
            herald.bean(Backups.class).backup(second, ImportProgress.NONE);
        }
        assertThat(content(second)).isEqualTo(content(first));

        TestServices.assumePostgres();
        String schema = TestServices.createPostgresSchema();
        Path third = dir.resolve("third.zip");
        try {
            try (RunningHerald herald = RunningHerald.start(dir.resolve("c"), "--herald.demo-content=false", NO_VIEW_WRITES,
                    "--spring.datasource.url=" + TestServices.postgresUrl(schema),
                    "--spring.datasource.username=" + TestServices.POSTGRES_USER)) {
                herald.bean(Backups.class).restore(second, ImportProgress.NONE);
                assertSameSite(herald, expected, dir.resolve("c"));
                herald.bean(Backups.class).backup(third, ImportProgress.NONE);
            }
        } finally {
            TestServices.dropPostgresSchema(schema);
        }
        assertThat(content(third)).as("PostgreSQL writes the same archive as SQLite").isEqualTo(content(first));
        Path fourth = dir.resolve("fourth.zip");
        try (RunningHerald herald = RunningHerald.start(dir.resolve("d"), "--herald.demo-content=false", NO_VIEW_WRITES)) {
            herald.bean(Backups.class).restore(third, ImportProgress.NONE);
            assertSameSite(herald, expected, dir.resolve("d"));
            herald.bean(Backups.class).backup(fourth, ImportProgress.NONE);
        }
        assertThat(content(fourth)).isEqualTo(content(first));
    }

    @Test
    void badArchivesAreRefusedWithTheProblemAndNothingIsRestored() throws Exception {
        Path good = dir.resolve("good.zip");
        try (RunningHerald herald = RunningHerald.offline(dir.resolve("a"))) {
            herald.bean(Backups.class).backup(good, ImportProgress.NONE);
            assertThatThrownBy(() -> herald.bean(Backups.class).restore(good, ImportProgress.NONE))
                    .hasMessageContaining("Restore needs an empty site");
            assertThatThrownBy(() -> herald.bean(Backups.class).backup(good, ImportProgress.NONE))
                    .hasMessageContaining("already exists");
        }
        Path truncated = dir.resolve("truncated.zip");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path slip = withExtraEntry(good, dir.resolve("slip.zip"), "media/../../escaped.txt");
        Path absolute = withExtraEntry(good, dir.resolve("absolute.zip"), "/tmp/absolute.txt");
        Path notZip = Files.writeString(dir.resolve("notzip.zip"), "hello");
        Path badUtf8 = withReplacedEntry(good, dir.resolve("utf8.zip"), "content/tag.ndjson",
                new byte[] {'{', '"', 'n', (byte) 0xFF, '"', ':', '1', '}', '\n'});
        Path wrongType = withReplacedEntry(good, dir.resolve("type.zip"), "content/site.ndjson",
                "{\"id\":\"one\",\"time_zone\":\"UTC\",\"created_at\":\"x\"}\n".getBytes(StandardCharsets.UTF_8));
        try (RunningHerald herald = RunningHerald.offline(dir.resolve("b"), "--herald.demo-content=false")) {
            Backups backups = herald.bean(Backups.class);
            assertThatThrownBy(() -> backups.restore(truncated, ImportProgress.NONE))
                    .isInstanceOf(ImportFailed.class).hasMessageContaining("truncated.zip")
                    .hasMessageContaining("truncated");
            assertThatThrownBy(() -> backups.restore(slip, ImportProgress.NONE))
                    .isInstanceOf(ImportFailed.class).hasMessageContaining("media/../../escaped.txt")
                    .hasMessageContaining("unsafe path");
            assertThatThrownBy(() -> backups.restore(absolute, ImportProgress.NONE))
                    .isInstanceOf(ImportFailed.class).hasMessageContaining("unsafe path");
            assertThatThrownBy(() -> backups.restore(notZip, ImportProgress.NONE))
                    .isInstanceOf(ImportFailed.class).hasMessageContaining("not a Herald backup");
            assertThatThrownBy(() -> backups.restore(badUtf8, ImportProgress.NONE))
                    .isInstanceOf(ImportFailed.class).hasMessageContaining("content/tag.ndjson").hasMessageContaining("UTF-8");
            assertThatThrownBy(() -> backups.restore(wrongType, ImportProgress.NONE))
                    .isInstanceOf(ImportFailed.class).hasMessageContaining("content/site.ndjson")
                    .hasMessageContaining("row 1: column id has a value of the wrong type");
            assertThat(Files.exists(dir.resolve("escaped.txt"))).isFalse();
            assertThat(herald.bean(Entries.class).count()).isZero();
            assertThat(herald.bean(SiteSettings.class).current().languages()).hasSize(1);
            backups.restore(good, ImportProgress.NONE);
            assertThat(herald.bean(Entries.class).count()).isPositive();
        }
    }

    @Test
    void scheduledBackupsLandInTheDataFolder() throws Exception {
        Path data = dir.resolve("scheduled");
        try (RunningHerald herald = RunningHerald.offline(data, "--herald.backup.cron=* * * * * *", "--herald.backup.keep=2")) {
            Path backups = data.resolve("backups");
            java.util.Set<String> seen = new java.util.HashSet<>();
            long deadline = System.currentTimeMillis() + 15_000;
            while (seen.size() < 3 && System.currentTimeMillis() < deadline) {
                seen.addAll(zips(backups));
                Thread.sleep(100);
            }
            assertThat(seen).as("one backup a second").hasSizeGreaterThanOrEqualTo(3);
        }
        try (var files = Files.list(data.resolve("backups"))) {
            java.util.List<Path> zips = files.filter(p -> p.toString().endsWith(".zip")).toList();
            assertThat(zips).hasSize(2);
            assertThat(content(zips.get(0)).get("content/entry.ndjson")).contains("interactive-consultations");
        }
    }

    private static java.util.List<String> zips(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return java.util.List.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".zip")).toList();
        }
    }

    private record Expected(long entries, long sections, long redirects, int languages, String title) {
        static Expected of(RunningHerald herald) {
            return new Expected(herald.bean(Entries.class).count(), herald.bean(Sections.class).all().size(),
                    herald.bean(Redirects.class).count(), herald.bean(SiteSettings.class).current().languages().size(),
                    herald.bean(Entries.class).findBySlug("en",
                            herald.bean(Sections.class).byPath("en", "news").orElseThrow().id(),
                            ARTICLE.substring("/en/news/".length())).orElseThrow().title());
        }
    }

    /** Two-factor sign-in with its recovery codes, one of them used (its use time goes along). */
    private static void giveAnAccountRecoveryCodesOneUsed(RunningHerald herald) {
        long keeper = herald.bean(Users.class).add("keeper", null, Role.AUTHOR, "correct horse battery".toCharArray(),
                java.util.Optional.empty()).id();
        String secret = TwoFactor.newSecret();
        String code = herald.bean(TwoFactor.class).enrol("keeper", secret,
                Totp.code(secret, Totp.step(java.time.Instant.now().getEpochSecond())), "test").get(0);
        herald.bean(RecoveryCodeRepository.class).use(keeper, RecoveryCodes.hash(code));
    }

    /** A small image (no variants: one file) as the article's cover and attachment. */
    private static void giveTheArticleACoverAndAnAttachment(RunningHerald herald) throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(200, 100, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", png);
        org.heraldcms.media.MediaItem item = herald.bean(org.heraldcms.media.MediaLibrary.class)
                .store("map.png", png.toByteArray(), "test");
        Entries entries = herald.bean(Entries.class);
        var article = entries.findBySlug("en", herald.bean(Sections.class).byPath("en", "news").orElseThrow().id(),
                ARTICLE.substring("/en/news/".length())).orElseThrow();
        entries.save(org.heraldcms.content.EntryDraft.from(article),
                new org.heraldcms.content.EntryMedia(item.id(), "A map", java.util.List.of(item.id())), "test");
    }

    private static void assertSameSite(RunningHerald herald, Expected expected, Path dataDir) throws IOException {
        assertThat(Expected.of(herald)).isEqualTo(expected);
        String article = herald.get(ARTICLE).body();
        assertThat(article).contains("class=\"cover\"", "alt=\"A map\"", ">map.png</a>");
        assertThat(Files.readAllBytes(dataDir.resolve("media/2021/logo.png"))).isEqualTo(LOGO);
        assertThat(herald.get(ARTICLE).statusCode()).isEqualTo(200);
        assertThat(herald.get(ARTICLE).body()).contains(expected.title);
        assertThat(herald.get("/zh/").statusCode()).isEqualTo(200);
        if (expected.redirects > 0) {
            assertThat(herald.get("/?p=1").statusCode()).isEqualTo(301);
        }
    }

    /** The content part of an archive: every content/*.ndjson by name. */
    static Map<String, String> content(Path archive) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().startsWith("content/")) {
                    out.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static Path withExtraEntry(Path source, Path target, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
             OutputStream raw = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(raw)) {
            ZipEntry e;
            boolean added = false;
            while ((e = in.getNextEntry()) != null) {
                if (!added && e.getName().startsWith("content/")) {
                    out.putNextEntry(new ZipEntry(name));
                    out.write("escaped".getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                    added = true;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                copy(in, out);
                out.closeEntry();
            }
        }
        return target;
    }

    private static Path withReplacedEntry(Path source, Path target, String name, byte[] bytes) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(name)) {
                    out.write(bytes);
                } else {
                    copy(in, out);
                }
                out.closeEntry();
            }
        }
        return target;
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
