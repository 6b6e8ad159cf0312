package org.heraldcms.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.site.Section;
import org.heraldcms.site.Sections;
import org.heraldcms.support.Fixtures;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class WxrImportTest {

    @TempDir
    Path dataDir;

    @Test
    void smallExportComesAcrossWithHierarchyStatusesDatesAndOldAddresses() {
        Path wxr = Fixtures.require("wxr/wordpress-develop_small-export.xml");
        try (RunningHerald herald = RunningHerald.start(dataDir, "--herald.demo-content=false")) {
            ImportReport report = herald.bean(WxrImporter.class).importFile(wxr, null, ImportProgress.NONE);
            assertThat(report.created()).isEqualTo(11);
            assertThat(report.skipped()).isZero();
            assertThat(report.sectionsCreated()).isEqualTo(31); // 30 categories and "Pages"
            assertThat(herald.bean(Entries.class).count()).isEqualTo(11);

            Sections sections = herald.bean(Sections.class);
            Section child = sections.byPath("en", "bar/foo-bar").orElseThrow();
            assertThat(child.parentId()).isEqualTo(sections.byPath("en", "bar").orElseThrow().id());
            assertThat(child.in("en").orElseThrow().name()).isEqualTo("Foo");
            assertThat(sections.byPath("en", "eternity").orElseThrow().in("en").orElseThrow().name()).isEqualTo("远征手记");

            Entry hello = entry(herald, "post", "1");
            assertThat(hello.title()).isEqualTo("Hello world!");
            assertThat(hello.status()).isEqualTo(EntryStatus.PUBLISHED);
            assertThat(hello.publishedAt()).isEqualTo(Instant.parse("2011-01-18T07:40:14Z"));
            assertThat(hello.author()).isEqualTo("author");
            assertThat(hello.body()).startsWith("<p>");
            Entry draft = entry(herald, "page", "9");
            assertThat(draft.status()).isEqualTo(EntryStatus.DRAFT);
            assertThat(draft.publishedAt()).isNull();
            assertThat(entry(herald, "post", "13").status()).isEqualTo(EntryStatus.DRAFT); // private stays off the site
            Entry many = entry(herald, "post", "22");
            assertThat(sections.byId(many.sectionId()).orElseThrow().in("en").orElseThrow().path()).isEqualTo("alpha");
            assertThat(many.tags()).hasSizeGreaterThan(20);

            // the child page comes before its parent in the file; the hierarchy is kept all the same
            JdbcClient jdbc = herald.bean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT parent_target_id FROM import_item WHERE kind = 'page' AND source_id = '4'")
                    .query(Long.class).single()).isEqualTo(entry(herald, "page", "6").id());

            assertMovedTo(herald, "/?p=1", "/en/uncategorized/hello-world");
            assertMovedTo(herald, "/?page_id=4", "/en/pages/child-page");
            assertMovedTo(herald, "/?p=15", "/en/bar/foo-bar/foo-child");
            assertThat(herald.get("/?p=9").statusCode()).as("a draft has no public address").isEqualTo(302);

            ImportReport again = herald.bean(WxrImporter.class).importFile(wxr, null, ImportProgress.NONE);
            assertThat(again.created()).isZero();
            assertThat(again.unchanged()).isEqualTo(11);
            assertThat(again.sectionsCreated()).isZero();
            assertThat(herald.bean(Entries.class).count()).isEqualTo(11);
        }
    }

    @Test
    void theSameImportRunsOnPostgres() throws Exception {
        Path wxr = Fixtures.require("wxr/wordpress-develop_small-export.xml");
        org.heraldcms.support.TestServices.assumePostgres();
        String schema = org.heraldcms.support.TestServices.createPostgresSchema();
        try (RunningHerald herald = RunningHerald.start(dataDir, "--herald.demo-content=false",
                "--spring.datasource.url=" + org.heraldcms.support.TestServices.postgresUrl(schema),
                "--spring.datasource.username=" + org.heraldcms.support.TestServices.POSTGRES_USER)) {
            assertThat(herald.bean(WxrImporter.class).importFile(wxr, null, ImportProgress.NONE).created()).isEqualTo(11);
            assertThat(herald.bean(JdbcClient.class)
                    .sql("SELECT parent_target_id FROM import_item WHERE kind = 'page' AND source_id = '4'")
                    .query(Long.class).single()).isEqualTo(entry(herald, "page", "6").id());
            assertThat(herald.bean(Sections.class).byPath("en", "eternity").orElseThrow().in("en").orElseThrow().name())
                    .isEqualTo("远征手记");
            assertMovedTo(herald, "/?p=1", "/en/uncategorized/hello-world");
            assertThat(herald.bean(WxrImporter.class).importFile(wxr, null, ImportProgress.NONE).unchanged()).isEqualTo(11);
        } finally {
            org.heraldcms.support.TestServices.dropPostgresSchema(schema);
        }
    }

    @Test
    void wxr10And11KeepChildPagesAuthorsAndComeAcrossOnce() {
        Path v10 = Fixtures.require("wxr/wordpress-develop_valid-wxr-1.0.xml");
        Path v11 = Fixtures.require("wxr/wordpress-develop_valid-wxr-1.1.xml");
        try (RunningHerald herald = RunningHerald.start(dataDir, "--herald.demo-content=false")) {
            ImportReport report = herald.bean(WxrImporter.class).importFile(v10, null, ImportProgress.NONE);
            assertThat(report.created()).isEqualTo(6);
            JdbcClient jdbc = herald.bean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT parent_target_id FROM import_item WHERE kind = 'page' AND source_id = '8'")
                    .query(Long.class).single()).isEqualTo(entry(herald, "page", "10").id());
            Sections sections = herald.bean(Sections.class);
            assertThat(sections.byPath("en", "parent/child")).isPresent();
            assertMovedTo(herald, "/?page_id=2", "/en/pages/about");
        }
        try (RunningHerald herald = RunningHerald.start(dataDir.resolve("v11"), "--herald.demo-content=false")) {
            ImportReport report = herald.bean(WxrImporter.class).importFile(v11, null, ImportProgress.NONE);
            assertThat(report.created()).isEqualTo(2);
            Entry hello = entry(herald, "post", "1");
            assertThat(hello.author()).isEqualTo("John Doe");
            assertThat(hello.tags()).extracting(t -> t.name()).contains("Clippable");
            assertThat(hello.publishedAt()).isEqualTo(Instant.parse("2010-10-16T20:53:18Z"));
            assertMovedTo(herald, "/?p=1", "/en/alpha/hello-world");
        }
    }

    @Test
    void hostileOrBrokenFilesFailCleanlyAndImportNothing() throws IOException {
        Path laughs = write("laughs.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <rss><channel><item><title>&lol2;</title></item></channel></rss>""");
        Path xxe = write("xxe.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss><channel><item><title>&secret;</title></item></channel></rss>""");
        Path malformed = write("malformed.xml", validItem("1", "Kept?") + "<item><title>Broken</title></channel>");
        Path badUtf8 = dataDir.resolve("bad.xml");
        byte[] head = validItem("1", "Fine").replace("</channel></rss>", "<item><title>").getBytes(StandardCharsets.UTF_8);
        Files.write(badUtf8, concat(head, new byte[] {(byte) 0xC3, (byte) 0x28}, "</title></item></channel></rss>".getBytes()));
        try (RunningHerald herald = RunningHerald.offline(dataDir.resolve("site"), "--herald.demo-content=false")) {
            WxrImporter importer = herald.bean(WxrImporter.class);
            assertThatThrownBy(() -> importer.importFile(laughs, null, ImportProgress.NONE))
                    .isInstanceOf(ImportFailed.class).hasMessageContaining("laughs.xml").hasMessageContaining("DTD");
            assertThatThrownBy(() -> importer.importFile(xxe, null, ImportProgress.NONE))
                    .isInstanceOf(ImportFailed.class).hasMessageContaining("DTD");
            assertThatThrownBy(() -> importer.importFile(malformed, null, ImportProgress.NONE))
                    .isInstanceOf(ImportFailed.class).hasMessageContaining("malformed.xml: line")
                    .hasMessageContaining("nothing was imported");
            assertThatThrownBy(() -> importer.importFile(badUtf8, null, ImportProgress.NONE))
                    .isInstanceOf(ImportFailed.class).hasMessageContaining("UTF-8");
            assertThat(herald.bean(Entries.class).count()).isZero();
            assertThat(herald.bean(Sections.class).all()).isEmpty();
        }
    }

    @Test
    void oldExportsNameCategoriesWithoutDomainAndStillFindTheirSection() throws IOException {
        Path old = write("old.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss xmlns:wp="http://wordpress.org/export/1.0/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><wp:base_site_url>http://old.example/</wp:base_site_url>
                <wp:category><wp:category_nicename>press</wp:category_nicename><wp:cat_name><![CDATA[Press]]></wp:cat_name></wp:category>
                <item><title>Old style</title><wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type>
                <wp:status>publish</wp:status><wp:post_date_gmt>2009-02-03 04:05:06</wp:post_date_gmt>
                <content:encoded><![CDATA[First line
                second line

                Next paragraph]]></content:encoded>
                <category><![CDATA[Press]]></category><category><![CDATA[loose tag]]></category></item>
                </channel></rss>""");
        try (RunningHerald herald = RunningHerald.offline(dataDir, "--herald.demo-content=false")) {
            herald.bean(WxrImporter.class).importFile(old, null, ImportProgress.NONE);
            Entry entry = entry(herald, "post", "7");
            assertThat(herald.bean(Sections.class).byId(entry.sectionId()).orElseThrow().in("en").orElseThrow().path())
                    .isEqualTo("press");
            assertThat(entry.tags()).extracting(t -> t.name()).containsExactly("loose tag");
            assertThat(entry.body()).isEqualTo("<p>First line<br />\nsecond line</p>\n<p>Next paragraph</p>\n");
        }
    }

    @Test
    void theExportsOwnLanguageIsUsedWhenTheSiteHasIt() throws IOException {
        Path ru = write("ru.xml", validItem("3", "Новости секретариата").replace("<channel>", "<channel><language>ru-RU</language>"));
        try (RunningHerald herald = RunningHerald.offline(dataDir)) {
            herald.bean(WxrImporter.class).importFile(ru, null, ImportProgress.NONE);
            Entry entry = entry(herald, "post", "3");
            assertThat(entry.language()).isEqualTo("ru");
            assertThat(entry.slug()).isEqualTo("novosti-sekretariata");
            assertThatThrownBy(() -> herald.bean(WxrImporter.class).importFile(ru, "fr", ImportProgress.NONE))
                    .hasMessage("The site has no language 'fr'");
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dataDir.resolve(name), text);
    }

    private static String validItem(String id, String title) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:base_site_url>http://old.example/</wp:base_site_url>
                <item><title>%s</title><wp:post_id>%s</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
                <wp:post_date_gmt>2020-01-01 00:00:00</wp:post_date_gmt></item></channel></rss>""".formatted(title, id);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static Entry entry(RunningHerald herald, String kind, String sourceId) {
        long id = herald.bean(JdbcClient.class)
                .sql("SELECT target_id FROM import_item WHERE kind = ? AND source_id = ?").params(kind, sourceId)
                .query(Long.class).single();
        return herald.bean(Entries.class).find(id).orElseThrow();
    }

    static void assertMovedTo(RunningHerald herald, String oldPath, String newPath) {
        HttpResponse<String> moved = herald.get(oldPath);
        assertThat(moved.statusCode()).as(oldPath).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).contains(newPath);
        assertThat(herald.get(newPath).statusCode()).as(newPath).isEqualTo(200);
    }
}
