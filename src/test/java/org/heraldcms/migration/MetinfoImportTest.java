package org.heraldcms.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.heraldcms.migration.WxrImportTest.assertMovedTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.site.Sections;
import org.heraldcms.site.SiteSettings;
import org.heraldcms.support.RunningHerald;
import org.heraldcms.support.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A MetInfo 7 site, its tables written after MetInfo's published schema (the columns the importer reads and a few more). */
class MetinfoImportTest {

    private static final List<String> SCHEMA = List.of("""
            CREATE TABLE met_lang (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, useok INT NOT NULL DEFAULT 1,
              no_order INT NOT NULL DEFAULT 0, mark VARCHAR(50) NOT NULL, synchronous VARCHAR(50) NOT NULL DEFAULT '',
              flag VARCHAR(100) NOT NULL DEFAULT '', link VARCHAR(255) NOT NULL DEFAULT '', newwindows INT NOT NULL DEFAULT 0,
              met_webhtm INT NOT NULL DEFAULT 0, met_htmtype VARCHAR(50) NOT NULL DEFAULT 'html', met_weburl VARCHAR(255) NOT NULL DEFAULT '',
              lang VARCHAR(50) NOT NULL DEFAULT '')""", """
            CREATE TABLE met_column (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, foldername VARCHAR(50) NOT NULL DEFAULT '',
              filename VARCHAR(50) NOT NULL DEFAULT '', bigclass INT NOT NULL DEFAULT 0, samefile INT NOT NULL DEFAULT 0,
              module INT NOT NULL DEFAULT 0, no_order INT NOT NULL DEFAULT 0, wap_ok INT NOT NULL DEFAULT 0, nav INT NOT NULL DEFAULT 0,
              ctitle VARCHAR(200) NOT NULL DEFAULT '', keywords VARCHAR(200) NOT NULL DEFAULT '', content LONGTEXT,
              description TEXT, list_order INT NOT NULL DEFAULT 0, new_windows VARCHAR(50) NOT NULL DEFAULT '',
              classtype INT NOT NULL DEFAULT 1, out_url VARCHAR(200) NOT NULL DEFAULT '', index_num INT NOT NULL DEFAULT 0,
              access INT NOT NULL DEFAULT 0, indeximg VARCHAR(200) NOT NULL DEFAULT '', columnimg VARCHAR(200) NOT NULL DEFAULT '',
              isshow INT NOT NULL DEFAULT 1, lang VARCHAR(50) NOT NULL, namemark VARCHAR(255) NOT NULL DEFAULT '',
              releclass INT NOT NULL DEFAULT 0, display INT NOT NULL DEFAULT 0)""", """
            CREATE TABLE met_news (id INT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(200) NOT NULL, ctitle VARCHAR(200) NOT NULL DEFAULT '',
              keywords VARCHAR(200) NOT NULL DEFAULT '', description TEXT, content LONGTEXT, class1 INT NOT NULL DEFAULT 0,
              class2 INT NOT NULL DEFAULT 0, class3 INT NOT NULL DEFAULT 0, no_order INT NOT NULL DEFAULT 0,
              wap_ok INT NOT NULL DEFAULT 0, img_ok INT NOT NULL DEFAULT 0, imgurl VARCHAR(255) NOT NULL DEFAULT '',
              imgurls VARCHAR(255) NOT NULL DEFAULT '', com_ok INT NOT NULL DEFAULT 0, issue VARCHAR(100) NOT NULL DEFAULT '',
              hits INT NOT NULL DEFAULT 0, updatetime DATETIME, addtime DATETIME, access VARCHAR(100) NOT NULL DEFAULT '0',
              top_ok INT NOT NULL DEFAULT 0, filename VARCHAR(255) NOT NULL DEFAULT '', lang VARCHAR(50) NOT NULL,
              recycle INT NOT NULL DEFAULT 0, displaytype INT NOT NULL DEFAULT 1, tag TEXT, links VARCHAR(200) NOT NULL DEFAULT '',
              publisher VARCHAR(50) NOT NULL DEFAULT '', text_size INT NOT NULL DEFAULT 0, text_color VARCHAR(100) NOT NULL DEFAULT '')""", """
            CREATE TABLE met_download (id INT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(200) NOT NULL, ctitle VARCHAR(200) NOT NULL DEFAULT '',
              keywords VARCHAR(200) NOT NULL DEFAULT '', description TEXT, content LONGTEXT, class1 INT NOT NULL DEFAULT 0,
              class2 INT NOT NULL DEFAULT 0, class3 INT NOT NULL DEFAULT 0, no_order INT NOT NULL DEFAULT 0,
              new_ok INT NOT NULL DEFAULT 0, wap_ok INT NOT NULL DEFAULT 0, downloadurl VARCHAR(255) NOT NULL DEFAULT '',
              filesize VARCHAR(100) NOT NULL DEFAULT '', com_ok INT NOT NULL DEFAULT 0, hits INT NOT NULL DEFAULT 0,
              updatetime DATETIME, addtime DATETIME, issue VARCHAR(100) NOT NULL DEFAULT '', access VARCHAR(100) NOT NULL DEFAULT '0',
              top_ok INT NOT NULL DEFAULT 0, filename VARCHAR(255) NOT NULL DEFAULT '', lang VARCHAR(50) NOT NULL,
              recycle INT NOT NULL DEFAULT 0, displaytype INT NOT NULL DEFAULT 1, tag TEXT)""", """
            CREATE TABLE met_admin_table (id INT AUTO_INCREMENT PRIMARY KEY, admin_type TEXT, admin_id CHAR(20) NOT NULL,
              admin_pass CHAR(64) NOT NULL, admin_name VARCHAR(30) NOT NULL DEFAULT '', admin_email VARCHAR(150) NOT NULL DEFAULT '',
              admin_login INT NOT NULL DEFAULT 0, lang VARCHAR(50) NOT NULL DEFAULT '')""");

    private static final List<String> ROWS = List.of(
            "INSERT INTO met_lang (id, name, no_order, mark, lang) VALUES (1, '简体中文', 1, 'cn', 'cn'), (2, 'English', 2, 'en', 'en')",
            // cn: news (1) > 上合组织 (2); about (3); en: news (4), about (5), downloads (6); a product column (7) is not imported
            """
            INSERT INTO met_column (id, name, foldername, filename, bigclass, module, no_order, nav, classtype, lang, content, description)
            VALUES (1, '新闻资讯', 'news', '', 0, 2, 1, 1, 1, 'cn', NULL, NULL),
                   (2, '上合组织', 'news', 'sco', 1, 2, 1, 0, 2, 'cn', NULL, NULL),
                   (3, '关于我们', 'about', '', 0, 1, 2, 1, 1, 'cn', '<p>秘书处简介。</p>', '简介'),
                   (4, 'News', 'news', '', 0, 2, 1, 1, 1, 'en', NULL, NULL),
                   (5, 'About us', 'about', '', 0, 1, 2, 1, 1, 'en', '<p>The secretariat.</p><script>alert(1)</script>', 'Who we are'),
                   (6, 'Downloads', 'download', '', 0, 4, 3, 1, 1, 'en', NULL, NULL),
                   (7, 'Products', 'product', '', 0, 3, 4, 1, 1, 'en', NULL, NULL)""",
            """
            INSERT INTO met_news (id, title, keywords, description, content, class1, class2, hits, addtime, filename, lang,
                                  recycle, displaytype, tag, publisher)
            VALUES (1, '上合组织秘书处与联合国秘书处举行互动磋商', '上合组织,联合国', '双方举行在线对话。',
                    '<p>2021年5月17日，双方举行了互动在线对话。</p>', 1, 2, 321, '2021-05-27 15:03:01', '', 'cn', 0, 1, '合作|对话', '管理员'),
                   (2, 'Interactive consultations held between SCO and UN secretariats', 'SCO', 'An online dialogue.',
                    '<p>On 17 May 2021 an online dialogue took place.</p>', 4, 0, 42, '2021-05-27 15:03:01', 'sco-un', 'en', 0, 1,
                    'SCO|UN', 'admin'),
                   (3, 'Hidden news', '', '', '<p>Not shown.</p>', 4, 0, 0, '2021-06-01 09:00:00', '', 'en', 0, 0, '', 'admin'),
                   (4, 'Deleted news', '', '', '<p>In the recycle bin.</p>', 4, 0, 0, '2021-06-02 09:00:00', '', 'en', 1, 1, '', 'admin'),
                   (5, 'Product news', '', '', '<p>In a column that is not imported.</p>', 7, 0, 0, '2021-06-03 09:00:00', '', 'en', 0, 1, '', 'admin')""",
            """
            INSERT INTO met_download (id, title, description, content, class1, downloadurl, hits, addtime, lang, filename)
            VALUES (1, 'Annual report 2020', 'The report.', '<p>Our year.</p>', 6, '../upload/file/202101/report.pdf', 7,
                    '2021-01-15 10:00:00', 'en', '')""",
            "INSERT INTO met_admin_table (admin_id, admin_pass, admin_name, admin_email) VALUES ('admin', MD5('admin123'), 'Site admin', 'admin@example.org')");

    @TempDir
    Path dir;

    private String database;

    @BeforeEach
    void createMetinfoDatabase() throws Exception {
        TestServices.assumeMariaDb();
        database = TestServices.createMariaDbDatabase();
        try (Connection c = TestServices.mariaDb(database); Statement s = c.createStatement()) {
            for (String sql : SCHEMA) {
                s.execute(sql + " DEFAULT CHARSET=utf8mb4");
            }
            for (String sql : ROWS) {
                s.execute(sql);
            }
        }
    }

    @AfterEach
    void dropMetinfoDatabase() throws Exception {
        TestServices.dropMariaDbDatabase(database);
    }

    @Test
    void aMetinfoSiteInTwoLanguagesComesAcrossWithEveryOldAddress() throws Exception {
        Path upload = Files.createDirectories(dir.resolve("upload/file/202101"));
        Files.writeString(upload.resolve("report.pdf"), "%PDF-1.4 report");
        try (RunningHerald herald = RunningHerald.start(dir.resolve("data"), "--herald.demo-content=false")) {
            MetinfoImporter importer = herald.bean(MetinfoImporter.class);
            MetinfoImporter.Options options = new MetinfoImporter.Options(TestServices.mariaDbUrl(database),
                    TestServices.MARIADB_USER, "", dir.resolve("upload"), null);
            ImportReport report = importer.importDatabase(options, ImportProgress.NONE);
            assertThat(report.created()).isEqualTo(7); // 4 news, 2 about pages, 1 download
            assertThat(report.skipped()).isEqualTo(2); // the product column and its news
            assertThat(report.mediaReferences()).isEqualTo(1);
            assertThat(herald.bean(SiteSettings.class).current().languages()).extracting(l -> l.tag())
                    .containsExactly("en", "zh");

            Sections sections = herald.bean(Sections.class);
            assertThat(sections.byPath("zh", "news/sco").orElseThrow().parentId())
                    .isEqualTo(sections.byPath("zh", "news").orElseThrow().id());
            Entry zh = WxrImportTest.entry(herald, "news", "1");
            assertThat(zh.language()).isEqualTo("zh");
            assertThat(zh.title()).isEqualTo("上合组织秘书处与联合国秘书处举行互动磋商");
            assertThat(zh.author()).isEqualTo("管理员");
            assertThat(zh.summary()).isEqualTo("双方举行在线对话。");
            assertThat(zh.viewCount()).isEqualTo(321);
            assertThat(zh.publishedAt()).isEqualTo(Instant.parse("2021-05-27T15:03:01Z")); // the site's zone: UTC
            assertThat(zh.tags()).extracting(t -> t.name()).containsExactly("合作", "对话", "上合组织", "联合国");
            Entry en = WxrImportTest.entry(herald, "news", "2");
            assertThat(en.slug()).isEqualTo("sco-un");
            assertThat(en.body()).isEqualTo("<p>On 17 May 2021 an online dialogue took place.</p>");
            assertThat(WxrImportTest.entry(herald, "news", "3").status()).isEqualTo(EntryStatus.DRAFT);
            assertThat(WxrImportTest.entry(herald, "news", "4").status()).isEqualTo(EntryStatus.ARCHIVED);
            assertThat(WxrImportTest.entry(herald, "about", "5").body()).doesNotContain("script");
            assertThat(sections.byId(WxrImportTest.entry(herald, "download", "1").sectionId()).orElseThrow().kind().code())
                    .isEqualTo("documents");
            assertThat(Files.readString(dir.resolve("data/media/metinfo/file/202101/report.pdf"))).isEqualTo("%PDF-1.4 report");

            JdbcClient jdbc = herald.bean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT must_set_password FROM import_account WHERE login = 'admin'").query(Boolean.class).single())
                    .isTrue();

            String zhPath = "/zh/news/sco/" + zh.slug();
            assertMovedTo(herald, "/news/shownews.php?id=1&lang=cn", zhPath);
            assertMovedTo(herald, "/news/1-cn.html", zhPath);
            assertMovedTo(herald, "/news/1.html", zhPath); // cn is MetInfo's default language here
            assertMovedTo(herald, "/news/shownews.php?id=2&lang=en", "/en/news/sco-un");
            assertMovedTo(herald, "/news/2-en.html", "/en/news/sco-un");
            assertMovedTo(herald, "/news/sco-un.html", "/en/news/sco-un");
            assertMovedTo(herald, "/news/news.php?lang=en&class1=4", "/en/news/");
            assertMovedTo(herald, "/news/list-2-cn.html", "/zh/news/sco/");
            assertMovedTo(herald, "/news/list-2.html", "/zh/news/sco/");
            assertMovedTo(herald, "/news/", "/zh/news/");
            assertMovedTo(herald, "/download/showdownload.php?id=1&lang=en",
                    sections.byPath("en", "download").orElseThrow().entryPath("en", "annual-report-2020"));
            assertMovedTo(herald, "/about/show.php?id=5&lang=en", "/en/about/about");
            assertThat(herald.get("/news/3-en.html").statusCode()).as("hidden news has no address").isEqualTo(404);

            ImportReport again = importer.importDatabase(options, ImportProgress.NONE);
            assertThat(again.created()).isZero();
            assertThat(again.unchanged()).isEqualTo(7);
            assertThat(again.redirects()).isZero();

            try (Connection c = TestServices.mariaDb(database); Statement s = c.createStatement()) {
                s.execute("UPDATE met_news SET title = 'Consultations between SCO and UN secretariats', hits = 50 WHERE id = 2");
            }
            ImportReport changed = importer.importDatabase(options, ImportProgress.NONE);
            assertThat(changed.updated()).isEqualTo(1);
            Entry updated = WxrImportTest.entry(herald, "news", "2");
            assertThat(updated.title()).isEqualTo("Consultations between SCO and UN secretariats");
            assertThat(updated.id()).isEqualTo(en.id());
            assertThat(updated.viewCount()).isEqualTo(50);
            assertThat(herald.bean(Entries.class).count()).isEqualTo(7);
        }
    }

    @Test
    void aBrokenSourceImportsNothing() throws Exception {
        try (Connection c = TestServices.mariaDb(database); Statement s = c.createStatement()) {
            s.execute("DROP TABLE met_download");
        }
        try (RunningHerald herald = RunningHerald.offline(dir.resolve("data"), "--herald.demo-content=false")) {
            MetinfoImporter importer = herald.bean(MetinfoImporter.class);
            assertThatThrownBy(() -> importer.importDatabase(new MetinfoImporter.Options(TestServices.mariaDbUrl(database),
                    TestServices.MARIADB_USER, "", null, null), ImportProgress.NONE))
                    .isInstanceOf(ImportFailed.class).hasMessageContaining("met_download")
                    .hasMessageContaining("nothing was imported");
            assertThat(herald.bean(Entries.class).count()).isZero();
            assertThat(herald.bean(SiteSettings.class).current().languages()).hasSize(1);
            assertThatThrownBy(() -> importer.importDatabase(new MetinfoImporter.Options("jdbc:postgresql://x/y", "u", "p",
                    null, null), ImportProgress.NONE)).hasMessageContaining("jdbc:mariadb:");
        }
    }
}
