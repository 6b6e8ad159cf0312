package org.heraldcms.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.heraldcms.migration.WxrImportTest.assertMovedTo;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.forms.Answer;
import org.heraldcms.forms.FieldType;
import org.heraldcms.forms.FormField;
import org.heraldcms.forms.Forms;
import org.heraldcms.forms.Inbox;
import org.heraldcms.forms.Submission;
import org.heraldcms.identity.Members;
import org.heraldcms.kinds.Galleries;
import org.heraldcms.kinds.GalleryPicture;
import org.heraldcms.kinds.KindCard;
import org.heraldcms.kinds.Links;
import org.heraldcms.kinds.Vacancies;
import org.heraldcms.kinds.VacancyFields;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionAccess;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.site.SiteSettings;
import org.heraldcms.support.PublicClient;
import org.heraldcms.support.RunningHerald;
import org.heraldcms.support.TestServices;
import org.heraldcms.text.Slugs;
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
              downloadaccess TEXT,
              top_ok INT NOT NULL DEFAULT 0, filename VARCHAR(255) NOT NULL DEFAULT '', lang VARCHAR(50) NOT NULL,
              recycle INT NOT NULL DEFAULT 0, displaytype INT NOT NULL DEFAULT 1, tag TEXT)""", """
            CREATE TABLE met_img (id INT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(200) DEFAULT '', ctitle VARCHAR(200) DEFAULT '',
              keywords VARCHAR(200) DEFAULT '', description TEXT, content LONGTEXT, class1 INT DEFAULT 0, class2 INT DEFAULT 0,
              class3 INT DEFAULT 0, no_order INT DEFAULT 0, wap_ok INT DEFAULT 0, new_ok INT DEFAULT 0,
              imgurl VARCHAR(255) DEFAULT '', imgurls VARCHAR(255) DEFAULT '', displayimg TEXT, com_ok INT DEFAULT 0,
              hits INT DEFAULT 0, updatetime DATETIME, addtime DATETIME, issue VARCHAR(100) DEFAULT '', access TEXT,
              top_ok INT DEFAULT 0, filename VARCHAR(255) DEFAULT '', lang VARCHAR(50) DEFAULT '', recycle INT DEFAULT 0,
              displaytype INT DEFAULT 1, tag TEXT, links VARCHAR(200) DEFAULT '', imgsize VARCHAR(200) DEFAULT '',
              content1 TEXT, content2 TEXT, content3 TEXT, content4 TEXT)""", """
            CREATE TABLE met_product (id INT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(200) DEFAULT '', ctitle VARCHAR(200) DEFAULT '',
              keywords VARCHAR(200) DEFAULT '', description TEXT, content LONGTEXT, class1 INT DEFAULT 0, class2 INT DEFAULT 0,
              class3 INT DEFAULT 0, classother TEXT, no_order INT DEFAULT 0, new_ok INT DEFAULT 0,
              imgurl VARCHAR(255) DEFAULT '', imgurls VARCHAR(255) DEFAULT '', displayimg TEXT, com_ok INT DEFAULT 0,
              hits INT DEFAULT 0, updatetime DATETIME, addtime DATETIME, access TEXT, top_ok INT DEFAULT 0,
              filename VARCHAR(255) DEFAULT '', lang VARCHAR(50) DEFAULT '', video TEXT, content1 MEDIUMTEXT,
              content2 MEDIUMTEXT, content3 MEDIUMTEXT, content4 MEDIUMTEXT, recycle INT DEFAULT 0,
              displaytype INT DEFAULT 1, tag TEXT, imgsize VARCHAR(200) DEFAULT '')""", """
            CREATE TABLE met_job (id INT AUTO_INCREMENT PRIMARY KEY, position VARCHAR(200) DEFAULT '', count INT DEFAULT 0,
              place VARCHAR(200) DEFAULT '', deal VARCHAR(200) DEFAULT '', addtime DATE, updatetime DATE,
              useful_life INT DEFAULT 0, content LONGTEXT, access TEXT, class1 INT DEFAULT 0, class2 INT DEFAULT 0,
              class3 INT DEFAULT 0, no_order INT DEFAULT 0, wap_ok INT DEFAULT 0, top_ok INT DEFAULT 0,
              email VARCHAR(255) DEFAULT '', filename VARCHAR(255) DEFAULT '', lang VARCHAR(50) DEFAULT '',
              displaytype INT DEFAULT 1)""", """
            CREATE TABLE met_link (id INT AUTO_INCREMENT PRIMARY KEY, webname VARCHAR(255) DEFAULT '', module TEXT,
              weburl VARCHAR(255) DEFAULT '', weblogo VARCHAR(255) DEFAULT '', link_type INT DEFAULT 0, info VARCHAR(255) DEFAULT '',
              contact VARCHAR(255) DEFAULT '', orderno INT DEFAULT 0, com_ok INT DEFAULT 0, show_ok INT DEFAULT 0,
              addtime DATETIME, lang VARCHAR(50) DEFAULT '', ip VARCHAR(255) DEFAULT '', nofollow TINYINT DEFAULT 0)""", """
            CREATE TABLE met_message (id INT AUTO_INCREMENT PRIMARY KEY, ip VARCHAR(255) DEFAULT '', addtime DATETIME,
              readok INT DEFAULT 0, useinfo TEXT, lang VARCHAR(50) DEFAULT '', access TEXT, customerid VARCHAR(30) DEFAULT '0',
              checkok INT DEFAULT 0)""", """
            CREATE TABLE met_feedback (id INT AUTO_INCREMENT PRIMARY KEY, class1 INT DEFAULT 0, fdtitle VARCHAR(255) DEFAULT '',
              fromurl VARCHAR(255) DEFAULT '', ip VARCHAR(255) DEFAULT '', addtime DATETIME, readok INT DEFAULT 0, useinfo TEXT,
              customerid VARCHAR(30) DEFAULT '0', lang VARCHAR(50) DEFAULT '')""", """
            CREATE TABLE met_mlist (id INT AUTO_INCREMENT PRIMARY KEY, listid INT DEFAULT 0, paraid INT DEFAULT 0, info TEXT,
              lang VARCHAR(50) DEFAULT '', imgname VARCHAR(255) DEFAULT '', module INT DEFAULT 0)""", """
            CREATE TABLE met_flist (id INT AUTO_INCREMENT PRIMARY KEY, listid INT DEFAULT 0, paraid INT DEFAULT 0, info TEXT,
              lang VARCHAR(50) DEFAULT '', imgname VARCHAR(255) DEFAULT '', module INT DEFAULT 0)""", """
            CREATE TABLE met_parameter (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) DEFAULT '', options TEXT,
              description TEXT, no_order INT DEFAULT 0, type INT DEFAULT 0, access TEXT, wr_ok INT DEFAULT 0, class1 INT DEFAULT 0,
              class2 INT DEFAULT 0, class3 INT DEFAULT 0, module INT DEFAULT 0, lang VARCHAR(50) DEFAULT '',
              wr_oks INT DEFAULT 0, related VARCHAR(50) DEFAULT '', edit_ok INT DEFAULT 1)""", """
            CREATE TABLE met_plist (id INT AUTO_INCREMENT PRIMARY KEY, listid INT DEFAULT 0, paraid INT DEFAULT 0, info TEXT,
              lang VARCHAR(50) DEFAULT '', imgname VARCHAR(255) DEFAULT '', module INT DEFAULT 0)""", """
            CREATE TABLE met_para (id INT AUTO_INCREMENT PRIMARY KEY, pid INT DEFAULT 0, value VARCHAR(255) DEFAULT '',
              module INT DEFAULT 0, `order` INT DEFAULT 0, lang VARCHAR(100) DEFAULT '')""", """
            CREATE TABLE met_flash (id INT AUTO_INCREMENT PRIMARY KEY, module TEXT, img_title VARCHAR(255) DEFAULT '',
              img_path VARCHAR(255) DEFAULT '', img_link VARCHAR(255) DEFAULT '', flash_path VARCHAR(255) DEFAULT '',
              no_order INT DEFAULT 0, wap_ok INT DEFAULT 0, img_des VARCHAR(255) DEFAULT '', mobile_img_path VARCHAR(255) DEFAULT '',
              lang VARCHAR(50) DEFAULT '', target INT DEFAULT 0)""", """
            CREATE TABLE met_tags (id INT AUTO_INCREMENT PRIMARY KEY, tag_name VARCHAR(255) DEFAULT '', tag_pinyin VARCHAR(255) DEFAULT '',
              module INT DEFAULT 0, cid INT DEFAULT 0, list_id VARCHAR(255) DEFAULT '', sort INT DEFAULT 0,
              lang VARCHAR(100) DEFAULT '')""", """
            CREATE TABLE met_user_group (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(255) DEFAULT '', access INT DEFAULT 0,
              lang VARCHAR(50) DEFAULT '')""", """
            CREATE TABLE met_user (id INT AUTO_INCREMENT PRIMARY KEY, username VARCHAR(30) DEFAULT '', password VARCHAR(32) DEFAULT '',
              email VARCHAR(50) DEFAULT '', groupid INT DEFAULT 0, valid INT DEFAULT 0, lang VARCHAR(50) DEFAULT '')""", """
            CREATE TABLE met_admin_table (id INT AUTO_INCREMENT PRIMARY KEY, admin_type TEXT, admin_id CHAR(20) NOT NULL,
              admin_pass CHAR(64) NOT NULL, admin_name VARCHAR(30) NOT NULL DEFAULT '', admin_email VARCHAR(150) NOT NULL DEFAULT '',
              admin_login INT NOT NULL DEFAULT 0, lang VARCHAR(50) NOT NULL DEFAULT '')""");

    private static final List<String> ROWS = List.of(
            "INSERT INTO met_lang (id, name, no_order, mark, lang) VALUES (1, '简体中文', 1, 'cn', 'cn'), (2, 'English', 2, 'en', 'en')",
            // cn: news (1) > 上合组织 (2); about (3); en: news (4), about (5), downloads (6); the member centre (7) leads to the sign-in page
            """
            INSERT INTO met_column (id, name, foldername, filename, bigclass, module, no_order, nav, classtype, lang, content, description)
            VALUES (1, '新闻资讯', 'news', '', 0, 2, 1, 1, 1, 'cn', NULL, NULL),
                   (2, '上合组织', 'news', 'sco', 1, 2, 1, 0, 2, 'cn', NULL, NULL),
                   (3, '关于我们', 'about', '', 0, 1, 2, 1, 1, 'cn', '<p>秘书处简介。</p>', '简介'),
                   (4, 'News', 'news', '', 0, 2, 1, 1, 1, 'en', NULL, NULL),
                   (5, 'About us', 'about', '', 0, 1, 2, 1, 1, 'en', '<p>The secretariat.</p><script>alert(1)</script>', 'Who we are'),
                   (6, 'Downloads', 'download', '', 0, 4, 3, 1, 1, 'en', NULL, NULL),
                   (7, 'Members', 'member', '', 0, 10, 4, 1, 1, 'en', NULL, NULL)""",
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
                   (5, 'Member news', '', '', '<p>In a column whose items are not imported.</p>', 7, 0, 0, '2021-06-03 09:00:00', '', 'en', 0, 1, '', 'admin')""",
            """
            INSERT INTO met_download (id, title, description, content, class1, downloadurl, hits, addtime, lang, filename)
            VALUES (1, 'Annual report 2020', 'The report.', '<p>Our year.</p>', 6, '../upload/file/202101/report.pdf', 7,
                    '2021-01-15 10:00:00', 'en', ''),
                   (2, 'Application forms', 'The forms.', '<p>Fill them in.</p>', 6, '../upload/file/202101/forms.zip', 3,
                    '2021-01-16 10:00:00', 'en', '')""",
            "INSERT INTO met_tags (tag_name, tag_pinyin, module, cid, lang) VALUES ('合作', 'hezuo', 2, 0, 'cn'),"
                    + " ('SCO', 'sco', 0, 0, 'en'), ('UN', 'un', 2, 4, 'en'), ('Unused', 'unused', 2, 0, 'en')",
            "INSERT INTO met_admin_table (admin_id, admin_pass, admin_name, admin_email) VALUES ('admin', MD5('admin123'), 'Site admin', 'admin@example.org')");

    /** What MetInfo's other modules hold: a gallery, jobs, friendly links, a guestbook and a feedback form (en). */
    private static final List<String> MODULE_ROWS = List.of("""
            INSERT INTO met_column (id, name, foldername, filename, bigclass, module, no_order, nav, classtype, lang)
            VALUES (8, 'Gallery', 'img', '', 0, 5, 5, 1, 1, 'en'),
                   (9, 'Join us', 'job', '', 0, 6, 6, 1, 1, 'en'),
                   (10, 'Online message', 'message', '', 5, 7, 1, 0, 2, 'en'),
                   (11, 'Online feedback', 'feedback', '', 5, 8, 2, 0, 2, 'en'),
                   (12, 'Products', 'product', '', 0, 3, 7, 1, 1, 'en'),
                   (13, 'Search', 'search', '', 0, 11, 8, 0, 1, 'en')""",
            """
            INSERT INTO met_product (id, title, content, content1, content2, class1, imgurl, displayimg, addtime, lang, classother)
            VALUES (1, 'Smart speaker', '<p>It listens.</p>', '<p>Weight: 1 kg.</p>', '', 12, '../upload/202105/delegates.png', '',
                    '2021-09-13 10:00:00', 'en', '')""",
            "UPDATE met_news SET imgurl = '../upload/202105/arrival.png',"
                    + " content = CONCAT(content, '<p><img src=\"../upload/202105/delegates.png\" alt=\"Delegates\"></p>') WHERE id = 2",
            """
            INSERT INTO met_img (id, title, description, content, class1, imgurl, displayimg, hits, addtime, lang, filename)
            VALUES (1, 'Summit in pictures', 'The summit.', '<p>Heads of state met.</p>', 8, '../upload/202105/arrival.png',
                    'Summit in pictures*../upload/202105/arrival.png*40x30|The delegates*../upload/202105/delegates.png*40x30|Gone*../upload/202105/missing.png*40x30|Planted*../upload/202105/linked.png*40x30',
                    12, '2021-05-20 10:00:00', 'en', 'summit')""", """
            INSERT INTO met_job (id, position, count, place, deal, addtime, useful_life, content, class1, email, lang, displaytype)
            VALUES (1, 'Translator', 2, 'Beijing', 'P-3', DATE_SUB(CURDATE(), INTERVAL 10 DAY), 60, '<p>Chinese and English.</p>',
                    9, 'hr@example.org', 'en', 1),
                   (2, 'Archivist', 1, 'Tashkent', 'G-5', '2020-01-01', 30, '<p>Closed long ago.</p>', 9, '', 'en', 1),
                   (3, 'Intern', 0, 'Beijing', '', DATE_SUB(CURDATE(), INTERVAL 400 DAY), 0, '<p>All year.</p>', 9, '', 'en', 1)""", """
            INSERT INTO met_link (id, webname, module, weburl, weblogo, link_type, info, orderno, show_ok, addtime, lang)
            VALUES (1, 'SCO', ',10001,', 'http://eng.sectsco.org/', '', 0, 'The organisation', 1, 1, '2021-01-01 09:00:00', 'en'),
                   (2, 'United Nations', ',10001,', 'www.un.org', '', 0, '', 5, 1, '2021-01-01 09:00:00', 'en'),
                   (3, 'Waiting', ',10001,', 'https://waiting.example/', '', 0, '', 0, 0, '2021-01-01 09:00:00', 'en'),
                   (4, 'Hostile', ',10001,', 'javascript:alert(1)', '', 0, '', 0, 1, '2021-01-01 09:00:00', 'en')""", """
            INSERT INTO met_parameter (id, name, no_order, type, wr_ok, class1, module, lang)
            VALUES (226, 'Name', 0, 1, 1, 0, 7, 'en'), (227, 'E-mail', 1, 9, 0, 0, 7, 'en'), (228, 'Tel', 2, 8, 0, 0, 7, 'en'),
                   (230, 'Message', 4, 3, 1, 0, 7, 'en'),
                   (231, 'Topic', 0, 2, 1, 11, 8, 'en'), (232, 'Name', 1, 1, 1, 11, 8, 'en'), (235, 'Tel', 4, 8, 0, 11, 8, 'en'),
                   (250, 'Weight', 0, 1, 0, 0, 3, 'en'), (251, 'Colour', 1, 2, 0, 0, 3, 'en'), (240, 'Version', 0, 1, 0, 0, 4, 'en')""",
            """
            INSERT INTO met_flash (id, module, img_title, img_path, img_link, no_order, img_des, lang)
            VALUES (1, ',10001,', 'Delegates <script>x</script>arrive', '../upload/202105/delegates.png', '', 2, 'Day <b>one</b>', 'en'),
                   (2, ',10001,', '<strong>Summit week</strong>', '../upload/202105/arrival.png', 'www.un.org', 1, '', 'en'),
                   (3, ',9,', 'Work with us', '../upload/202105/arrival.png', '', 0, '', 'en'),
                   (4, ',10001,', 'On the phone', '../upload/202105/arrival.png', '', 0, '', 'en'),
                   (5, 'metinfo', 'On every page', '../upload/202105/delegates.png', '', 3, '', 'en')""",
            "UPDATE met_flash SET wap_ok = 1 WHERE id = 4",
            "INSERT INTO met_para (id, pid, value, module, `order`, lang) VALUES (80, 251, 'Black', 3, 0, 'en')",
            """
            INSERT INTO met_plist (listid, paraid, info, lang, module)
            VALUES (1, 250, '1 kg <b>net</b>', 'en', 3), (1, 251, '80', 'en', 3), (1, 240, 'V7.5', 'en', 4)""",
            "INSERT INTO met_para (id, pid, value, module, `order`, lang) VALUES (69, 231, 'Access to materials', 8, 0, 'en'),"
                    + " (67, 231, 'Business cooperation', 8, 2, 'en')",
            """
            INSERT INTO met_message (id, ip, addtime, readok, useinfo, lang, checkok)
            VALUES (7, '127.0.0.1', '2021-09-14 11:03:51', 1, 'Through our <b>website</b>.', 'en', 1),
                   (8, '127.0.0.1', '2021-09-15 08:00:00', 0, '', 'en', 0)""", """
            INSERT INTO met_mlist (listid, paraid, info, lang, module)
            VALUES (7, 226, 'Lisa', 'en', 7), (7, 227, 'lisa@example.org', 'en', 7), (7, 228, '111', 'en', 7),
                   (7, 230, 'How do I <script>alert(1)</script> buy a template?', 'en', 7), (7, 0, '', 'en', 7),
                   (8, 226, '=HYPERLINK("http://evil.example")', 'en', 7), (8, 230, 'Waiting for a look', 'en', 7)""", """
            INSERT INTO met_feedback (id, class1, fdtitle, addtime, readok, useinfo, lang)
            VALUES (1, 11, 'Online feedback', '2021-09-16 12:00:00', 0, '', 'en')""", """
            INSERT INTO met_flist (listid, paraid, info, lang, module)
            VALUES (1, 231, 'Business cooperation', 'en', 8), (1, 232, 'Wang', 'en', 8), (1, 235, '+86 10 1234 5678', 'en', 8)""");

    /**
     * Member-only content (en): MetInfo's groups Registered (level 0), Member (1) and Agents (2); a
     * Reports column for members with a subcolumn, a column for administrators only, one for agents
     * with a subcolumn that names the lower Member group, items, a download's file, a parameter and a
     * guestbook reply stricter than where they are.
     */
    private static final List<String> ACCESS_ROWS = List.of(
            "INSERT INTO met_user_group (id, name, access, lang) VALUES (4, 'Member', 1, 'en'), (5, 'Agents', 2, 'en'),"
                    + " (6, 'Registered', 0, 'en'), (1, '普通会员', 1, 'cn')",
            "INSERT INTO met_user (username, password, groupid, lang) VALUES ('lisa', MD5('secret'), 4, 'en'),"
                    + " ('wang', MD5('secret'), 5, 'en')",
            """
            INSERT INTO met_column (id, name, foldername, filename, bigclass, module, no_order, nav, classtype, lang, access)
            VALUES (20, 'Reports', 'reports', '', 0, 2, 9, 1, 1, 'en', 4),
                   (21, 'Board', 'reports', 'board', 20, 2, 1, 0, 2, 'en', 0),
                   (22, 'Notes', 'notes', '', 0, 2, 10, 1, 1, 'en', -1),
                   (23, 'Registered area', 'registered', '', 0, 2, 11, 1, 1, 'en', 6),
                   (24, 'Agents area', 'agents', '', 0, 2, 12, 1, 1, 'en', 5),
                   (25, 'Corner', 'agents', 'corner', 24, 2, 1, 0, 2, 'en', 4),
                   (26, 'Guestbook', 'message', '', 0, 7, 13, 1, 1, 'en', 0)""",
            """
            INSERT INTO met_news (id, title, content, class1, class2, addtime, lang, recycle, displaytype, access)
            VALUES (10, 'Member report', '<p>For members.</p>', 20, 0, '2021-07-01 09:00:00', 'en', 0, 1, '0'),
                   (11, 'Agents briefing', '<p>For agents.</p>', 4, 0, '2021-07-02 09:00:00', 'en', 0, 1, '5'),
                   (12, 'Board minutes', '<p>For agents too.</p>', 20, 21, '2021-07-03 09:00:00', 'en', 0, 1, '5'),
                   (13, 'Internal note', '<p>For administrators.</p>', 22, 0, '2021-07-04 09:00:00', 'en', 0, 1, '0'),
                   (14, 'Member update', '<p>Also for members.</p>', 20, 0, '2021-07-05 09:00:00', 'en', 0, 1, '4'),
                   (15, 'Registered notice', '<p>For the registered.</p>', 23, 0, '2021-07-06 09:00:00', 'en', 0, 1, '0'),
                   (16, 'Agents memo', '<p>For agents.</p>', 24, 25, '2021-07-07 09:00:00', 'en', 0, 1, '5'),
                   (17, 'Corner note', '<p>Also for agents.</p>', 24, 25, '2021-07-08 09:00:00', 'en', 0, 1, '4')""",
            """
            INSERT INTO met_download (id, title, content, class1, downloadurl, addtime, lang, filename, access, downloadaccess)
            VALUES (3, 'Price list', '<p>Prices.</p>', 6, '../upload/file/202107/prices.pdf', '2021-07-09 09:00:00', 'en', '', '0', '4'),
                   (4, 'Catalogue', '<p>Our range.</p>', 6, '', '2021-07-10 09:00:00', 'en', '', '0', '0')""",
            "INSERT INTO met_parameter (id, name, no_order, type, module, lang, access) VALUES (241, 'Edition', 0, 1, 4, 'en', '0'),"
                    + " (242, 'Internal code', 1, 1, 4, 'en', '4')",
            "INSERT INTO met_plist (listid, paraid, info, lang, module) VALUES (4, 241, '2021', 'en', 4), (4, 242, 'X-99', 'en', 4)",
            "INSERT INTO met_message (id, ip, addtime, readok, useinfo, lang, checkok, access)"
                    + " VALUES (20, '127.0.0.1', '2021-07-11 09:00:00', 1, 'An answer for members', 'en', 1, '4')");

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
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(upload.resolve("forms.zip")))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("form-a.txt"));
            zip.write("Form A".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        try (RunningHerald herald = RunningHerald.start(dir.resolve("data"), "--herald.demo-content=false")) {
            MetinfoImporter importer = herald.bean(MetinfoImporter.class);
            MetinfoImporter.Options options = new MetinfoImporter.Options(TestServices.mariaDbUrl(database),
                    TestServices.MARIADB_USER, "", dir.resolve("upload"), null);
            ImportReport report = importer.importDatabase(options, ImportProgress.NONE);
            assertThat(report.created()).isEqualTo(8); // 4 news, 2 about pages, 2 downloads
            assertThat(report.skipped()).isEqualTo(1); // the news item in the member centre column
            assertThat(report.mediaReferences()).isEqualTo(2);
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
            Entry download = WxrImportTest.entry(herald, "download", "1");
            List<Long> attached = herald.bean(Entries.class).media(download.id()).attachmentIds();
            assertThat(attached).hasSize(1);
            MediaItem report2020 = herald.bean(MediaLibrary.class).find(attached.get(0)).orElseThrow();
            assertThat(report2020.originalName()).isEqualTo("report.pdf");
            String downloadPath = sections.byPath("en", "download").orElseThrow().entryPath("en", "annual-report-2020");
            assertThat(herald.get(downloadPath).body()).contains("/media/" + report2020.storedName());
            assertMovedTo(herald, "/upload/file/202101/report.pdf", "/media/" + report2020.storedName());
            assertThat(herald.get("/media/" + report2020.storedName()).body()).isEqualTo("%PDF-1.4 report");
            // a zip download comes into the library too: its old address keeps working, as a download
            Entry forms = WxrImportTest.entry(herald, "download", "2");
            MediaItem pack = herald.bean(MediaLibrary.class).find(herald.bean(Entries.class).media(forms.id())
                    .attachmentIds().get(0)).orElseThrow();
            assertThat(pack.storedName()).endsWith(".zip");
            assertMovedTo(herald, "/upload/file/202101/forms.zip", "/media/" + pack.storedName());
            HttpResponse<String> served = herald.get("/media/" + pack.storedName());
            assertThat(served.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(served.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
                    .contains("filename=\"forms.zip\"");

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
            assertMovedTo(herald, "/download/showdownload.php?id=1&lang=en", downloadPath);
            assertMovedTo(herald, "/about/show.php?id=5&lang=en", "/en/about/about");
            assertMovedTo(herald, "/member/login.php?lang=en", "/en/account/sign-in");
            String cooperation = "/zh/tags/" + Slugs.of("合作") + "/";
            assertMovedTo(herald, "/tag/hezuo", cooperation); // cn is MetInfo's default language here
            assertMovedTo(herald, "/tag/hezuo-cn", cooperation);
            assertMovedTo(herald, "/news/index.php?stype=0&search=tag&content=hezuo&lang=cn", cooperation);
            assertMovedTo(herald, "/tag/sco-en", "/en/tags/sco/");
            assertMovedTo(herald, "/search/index.php?stype=0&search=tag&searchword=sco&lang=en", "/en/tags/sco/");
            assertMovedTo(herald, "/news/index.php?stype=0&search=tag&content=un&lang=en", "/en/tags/un/");
            assertThat(herald.get("/tag/unused-en").statusCode()).isEqualTo(404);
            assertThat(report.warnings()).contains(
                    "1 MetInfo tag(s) carried by no imported entry: their old addresses are not redirected");
            assertMovedTo(herald, "/member/index.php?lang=en", "/en/account/sign-in");
            assertThat(herald.get("/news/3-en.html").statusCode()).as("hidden news has no address").isEqualTo(404);

            ImportReport again = importer.importDatabase(options, ImportProgress.NONE);
            assertThat(again.created()).isZero();
            assertThat(again.unchanged()).isEqualTo(8);
            assertThat(again.redirects()).isZero();
            assertThat(herald.bean(MediaLibrary.class).recent(100)).as("files are put in the library once").hasSize(2);

            try (Connection c = TestServices.mariaDb(database); Statement s = c.createStatement()) {
                s.execute("UPDATE met_news SET title = 'Consultations between SCO and UN secretariats', hits = 50 WHERE id = 2");
            }
            ImportReport changed = importer.importDatabase(options, ImportProgress.NONE);
            assertThat(changed.updated()).isEqualTo(1);
            Entry updated = WxrImportTest.entry(herald, "news", "2");
            assertThat(updated.title()).isEqualTo("Consultations between SCO and UN secretariats");
            assertThat(updated.id()).isEqualTo(en.id());
            assertThat(updated.viewCount()).isEqualTo(50);
            assertThat(herald.bean(Entries.class).count()).isEqualTo(8);
        }
    }

    @Test
    void galleriesJobsLinksGuestbookAndFeedbackComeAcross() throws Exception {
        LocalDate translatorAdded; // by MariaDB's clock, a day away from the test's near midnight
        try (Connection c = TestServices.mariaDb(database); Statement s = c.createStatement()) {
            for (String sql : MODULE_ROWS) {
                s.execute(sql);
            }
            try (var rows = s.executeQuery("SELECT DATE(addtime) FROM met_job WHERE id = 1")) {
                rows.next();
                translatorAdded = rows.getDate(1).toLocalDate();
            }
        }
        Path upload = Files.createDirectories(dir.resolve("upload/202105"));
        Files.write(upload.resolve("arrival.png"), png(Color.RED));
        Files.write(upload.resolve("delegates.png"), png(Color.BLUE));
        // a link planted in upload/ pointing at a file elsewhere on the server is not followed
        Path elsewhere = Files.write(Files.createDirectories(dir.resolve("elsewhere")).resolve("private.png"), png(Color.GREEN));
        Files.createSymbolicLink(upload.resolve("linked.png"), elsewhere);
        try (RunningHerald herald = RunningHerald.start(dir.resolve("data"), "--herald.demo-content=false")) {
            MetinfoImporter importer = herald.bean(MetinfoImporter.class);
            MetinfoImporter.Options options = new MetinfoImporter.Options(TestServices.mariaDbUrl(database),
                    TestServices.MARIADB_USER, "", dir.resolve("upload"), null);
            ImportReport report = importer.importDatabase(options, ImportProgress.NONE);
            assertThat(report.created()).isEqualTo(8 + 1 + 1 + 3 + 3 + 3); // as before, a gallery, a product, 3 jobs, 3 links, 3 banners
            assertThat(report.skipped()).isEqualTo(1 + 1); // as before, and the javascript: link
            assertThat(report.submissions()).isEqualTo(3);
            assertThat(report.warnings()).anyMatch(w -> w.contains("met_link id 4"))
                    .anyMatch(w -> w.contains("missing.png") && w.contains("not found"))
                    .anyMatch(w -> w.contains("linked.png") && w.contains("not found"))
                    .anyMatch(w -> w.contains("head count"));
            Sections sections = herald.bean(Sections.class);

            // the gallery: its images in order with their captions, the first one the cover; old addresses kept
            Entry gallery = WxrImportTest.entry(herald, "img", "1");
            assertThat(sections.byId(gallery.sectionId()).orElseThrow().kind()).isEqualTo(SectionKind.GALLERY);
            List<GalleryPicture> pictures = herald.bean(Galleries.class).pictures(gallery);
            assertThat(pictures).extracting(GalleryPicture::caption).containsExactly("Summit in pictures", "The delegates");
            assertThat(herald.bean(Entries.class).media(gallery.id()).coverId()).isEqualTo(pictures.get(0).media().id());
            assertThat(gallery.viewCount()).isEqualTo(12);
            assertThat(herald.bean(Entries.class).media(WxrImportTest.entry(herald, "news", "2").id()).coverId())
                    .as("a news item's picture is its cover, the same file as the gallery's").isEqualTo(pictures.get(0).media().id());
            assertThat(WxrImportTest.entry(herald, "news", "2").body()).as("an image in the text points at the library")
                    .contains("src=\"/media/" + pictures.get(1).media().storedName() + "\"").doesNotContain("upload/");
            String galleryPath = sections.byId(gallery.sectionId()).orElseThrow().entryPath("en", "summit");
            assertMovedTo(herald, "/img/showimg.php?id=1&lang=en", galleryPath);
            assertMovedTo(herald, "/img/summit.html", galleryPath);
            assertMovedTo(herald, "/upload/202105/delegates.png", "/media/" + pictures.get(1).media().storedName());
            assertThat(herald.get(galleryPath).body()).contains(pictures.get(1).media().storedName());

            // a product: a gallery of its pictures, its text tabs one after another
            Entry product = WxrImportTest.entry(herald, "product", "1");
            assertThat(herald.bean(Galleries.class).pictures(product)).extracting(p -> p.media().id())
                    .containsExactly(pictures.get(1).media().id());
            assertThat(product.body()).contains("It listens.", "Weight: 1 kg.",
                    "<th scope=\"row\">Weight</th><td>1 kg &lt;b&gt;net&lt;/b&gt;</td>",
                    "<th scope=\"row\">Colour</th><td>Black</td>");
            assertThat(WxrImportTest.entry(herald, "download", "1").body()).as("a download's version")
                    .contains("<th scope=\"row\">Version</th><td>V7.5</td>");
            assertMovedTo(herald, "/product/showproduct.php?id=1&lang=en",
                    sections.byId(product.sectionId()).orElseThrow().entryPath("en", product.slug()));
            assertMovedTo(herald, "/search/index.php?lang=en", "/en/search");

            // jobs: open ones listed, closing after their validity; one without a limit stays open; a closed one is gone
            Section jobs = sections.byPath("en", "job").orElseThrow();
            assertThat(jobs.kind()).isEqualTo(SectionKind.VACANCIES);
            List<KindCard<VacancyFields>> open = herald.bean(Vacancies.class).open("en", jobs.id());
            assertThat(open).extracting(KindCard::title).containsExactly("Translator", "Intern");
            VacancyFields translator = open.get(0).fields();
            assertThat(translator.grade()).isEqualTo("P-3");
            assertThat(translator.dutyStation()).isEqualTo("Beijing");
            assertThat(translator.closesAt()).isEqualTo(translatorAdded.plusDays(60).atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(open.get(1).fields().closesAt()).isNull();
            String jobsPage = herald.get(jobs.listPath("en")).body();
            assertThat(jobsPage).contains("Translator", "Open until filled").doesNotContain("Archivist");
            assertMovedTo(herald, "/job/showjob.php?id=1&lang=en", jobs.entryPath("en", open.get(0).slug()));
            assertMovedTo(herald, "/job/job.php?lang=en&class1=9", jobs.listPath("en"));

            // friendly links: MetInfo's order (highest orderno first), a bare host made an address, a pending one a draft
            Section links = sections.byPath("en", "links").orElseThrow();
            assertThat(herald.bean(Links.class).inSection("en", links.id())).extracting(l -> l.card().title() + " " + l.card().fields().url())
                    .containsExactly("United Nations http://www.un.org", "SCO http://eng.sectsco.org/");
            assertThat(WxrImportTest.entry(herald, "link", "3").status()).isEqualTo(EntryStatus.DRAFT);
            assertThat(herald.get(links.listPath("en")).body()).doesNotContain("javascript:");

            // home-page banners in MetInfo's order, pictures carried, titles as text; a column's banner counted
            Section banners = herald.bean(Sections.class).byPath("en", "banners").orElseThrow();
            assertThat(banners.kind()).isEqualTo(SectionKind.BANNERS);
            String home = herald.get("/en/").body();
            assertThat(home).contains("<a href=\"http://www.un.org\"", ">Summit week</a>", "<a href=\"/en/\">Delegates arrive</a>",
                    "<span>Day one</span>").doesNotContain("<strong>Summit", "<script>x");
            assertThat(home.indexOf("Summit week")).isLessThan(home.indexOf("Delegates arrive"));
            assertThat(home.indexOf("Delegates arrive")).isLessThan(home.indexOf("On every page"));
            assertThat(home).doesNotContain("On the phone").doesNotContain("Work with us");
            assertThat(report.warnings()).contains("2 banner(s) of other columns or for mobiles only not imported: Herald"
                    + " shows banners on the home page");

            // the guestbook: its fields, the approved message public and inert with the reply, contact details private
            Section guestbook = herald.bean(Forms.class).formSections().stream()
                    .filter(f -> f.kind() == SectionKind.GUESTBOOK).findFirst().orElseThrow();
            assertThat(herald.bean(Forms.class).fields(guestbook.id())).extracting(FormField::type)
                    .containsExactly(FieldType.TEXT, FieldType.EMAIL, FieldType.PHONE, FieldType.TEXTAREA);
            List<Submission> messages = herald.bean(Inbox.class).of(guestbook.id());
            assertThat(messages).extracting(Submission::moderation).containsExactly("pending", "approved");
            Submission lisa = messages.get(1);
            assertThat(lisa.read()).isTrue();
            assertThat(lisa.email()).isEqualTo("lisa@example.org");
            assertThat(lisa.reply()).isEqualTo("Through our website.");
            assertThat(lisa.submittedAt()).isEqualTo(Instant.parse("2021-09-14T11:03:51Z"));
            assertThat(lisa.answers()).extracting(Answer::label).containsExactly("Name", "E-mail", "Tel", "Message");
            String guestbookPage = herald.get(guestbook.listPath("en")).body();
            assertThat(guestbookPage).contains("Lisa", "How do I &lt;script&gt;alert(1)&lt;/script&gt; buy a template?",
                    "Through our website.").doesNotContain("<script>alert(1)", "lisa@example.org", "Waiting for a look");
            assertThat(guestbook.listPath("en")).isEqualTo("/en/about/online-message/");
            assertMovedTo(herald, "/message/index.php?lang=en", guestbook.listPath("en"));
            assertMovedTo(herald, "/message/list-10-en.html", guestbook.listPath("en"));

            // feedback: the form's fields with the choices, the message unread in the inbox
            Section feedback = herald.bean(Forms.class).formSections().stream()
                    .filter(f -> f.kind() == SectionKind.FEEDBACK).findFirst().orElseThrow();
            List<FormField> asked = herald.bean(Forms.class).fields(feedback.id());
            assertThat(asked).extracting(FormField::type).containsExactly(FieldType.SELECT, FieldType.TEXT, FieldType.PHONE);
            assertThat(asked.get(0).in("en").options()).containsExactly("Access to materials", "Business cooperation");
            Submission wang = herald.bean(Inbox.class).of(feedback.id()).get(0);
            assertThat(wang.read()).isFalse();
            assertThat(wang.answers()).extracting(Answer::value).containsExactly("Business cooperation", "Wang", "+86 10 1234 5678");
            assertMovedTo(herald, "/feedback/index.php?id=11&lang=en", feedback.listPath("en"));
            StringBuilder csv = new StringBuilder();
            herald.bean(Inbox.class).csv(guestbook.id(), csv);
            assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK", "\"=HYPERLINK");

            // again: nothing doubles; a message approved since in MetInfo is approved here too
            ImportReport again = importer.importDatabase(options, ImportProgress.NONE);
            assertThat(again.created()).isZero();
            assertThat(again.updated()).as("nothing changed at the source: nothing rewritten").isZero();
            assertThat(again.submissions()).isZero();
            assertThat(again.redirects()).isZero();
            assertThat(herald.bean(Forms.class).fields(guestbook.id())).hasSize(4);
            assertThat(herald.bean(Galleries.class).pictures(gallery)).hasSize(2);
            assertThat(herald.bean(MediaLibrary.class).recent(100)).hasSize(2);
            try (Connection c = TestServices.mariaDb(database); Statement s = c.createStatement()) {
                s.execute("UPDATE met_message SET checkok = 1 WHERE id = 8");
            }
            ImportReport approved = importer.importDatabase(options, ImportProgress.NONE);
            assertThat(approved.submissions()).isEqualTo(1);
            assertThat(herald.bean(Inbox.class).of(guestbook.id())).extracting(Submission::moderation)
                    .containsExactly("approved", "approved");

            // what was decided in Herald's inbox since outlasts a change at the source: a rejection, a
            // reply sent from Herald, read state; a message deleted in Herald stays deleted
            Inbox inbox = herald.bean(Inbox.class);
            Submission waiting = inbox.of(guestbook.id()).stream()
                    .filter(m -> m.answers().stream().anyMatch(a -> a.value().equals("Waiting for a look"))).findFirst()
                    .orElseThrow();
            inbox.moderate(waiting.id(), "rejected");
            inbox.reply(waiting.id(), "Your message", "Answered in Herald.");
            inbox.delete(lisa.id());
            inbox.markRead(wang.id(), true);
            try (Connection c = TestServices.mariaDb(database); Statement s = c.createStatement()) {
                s.execute("UPDATE met_message SET useinfo = 'Changed in MetInfo' WHERE id IN (7, 8)");
                s.execute("UPDATE met_mlist SET info = 'Still waiting for a look' WHERE listid = 8 AND paraid = 230");
                s.execute("UPDATE met_flist SET info = 'Wang Wei' WHERE listid = 1 AND paraid = 232");
            }
            ImportReport merged = importer.importDatabase(options, ImportProgress.NONE);
            assertThat(merged.submissions()).isEqualTo(2);
            assertThat(merged.warnings()).anySatisfy(w -> assertThat(w).startsWith("1 message(s) deleted from Herald's inbox"));
            List<Submission> kept = inbox.of(guestbook.id());
            assertThat(kept).hasSize(1);
            Submission rejected = kept.get(0);
            assertThat(rejected.id()).isEqualTo(waiting.id());
            assertThat(rejected.moderation()).isEqualTo("rejected");
            assertThat(rejected.reply()).isEqualTo("Answered in Herald.");
            assertThat(rejected.answers()).extracting(Answer::value).contains("Still waiting for a look");
            Submission wangAgain = inbox.of(feedback.id()).get(0);
            assertThat(wangAgain.read()).isTrue();
            assertThat(wangAgain.answers()).extracting(Answer::value).contains("Wang Wei");
            assertThat(herald.get(guestbook.listPath("en")).body()).doesNotContain("Lisa").doesNotContain("waiting for a look");
            // approved in Herald since, then unapproved and changed in MetInfo: Herald's approval stands
            inbox.moderate(waiting.id(), "approved");
            try (Connection c = TestServices.mariaDb(database); Statement s = c.createStatement()) {
                s.execute("UPDATE met_message SET checkok = 0, useinfo = 'Changed again' WHERE id = 8");
            }
            importer.importDatabase(options, ImportProgress.NONE);
            assertThat(inbox.find(waiting.id()).orElseThrow().moderation()).isEqualTo("approved");
            assertThat(herald.get(guestbook.listPath("en")).body()).contains("Still waiting for a look");
        }
    }

    @Test
    void memberOnlyColumnsAndItemsStayMemberOnly() throws Exception {
        try (Connection c = TestServices.mariaDb(database); Statement s = c.createStatement()) {
            for (String sql : ACCESS_ROWS) {
                s.execute(sql);
            }
        }
        Path upload = Files.createDirectories(dir.resolve("access-upload/file/202107"));
        Files.writeString(upload.resolve("prices.pdf"), "%PDF-1.4 member-only prices");
        try (RunningHerald herald = RunningHerald.start(dir.resolve("data"), "--herald.demo-content=false")) {
            MetinfoImporter importer = herald.bean(MetinfoImporter.class);
            MetinfoImporter.Options options = new MetinfoImporter.Options(TestServices.mariaDbUrl(database),
                    TestServices.MARIADB_USER, "", dir.resolve("access-upload"), null);
            ImportReport report = importer.importDatabase(options, ImportProgress.NONE);

            Sections sections = herald.bean(Sections.class);
            SectionAccess access = herald.bean(SectionAccess.class);
            Members members = herald.bean(Members.class);
            long member = members.groupNamed("Member").orElseThrow().id();
            Section reports = sections.byPath("en", "reports").orElseThrow();
            assertThat(access.groupOf(reports.id())).contains(member);
            assertThat(access.groupOf(sections.byPath("en", "reports/board").orElseThrow().id())).contains(member);
            assertThat(access.groupOf(sections.byPath("en", "notes").orElseThrow().id()))
                    .contains(members.groupNamed(MetinfoAccess.ADMINS_ONLY).orElseThrow().id());
            assertThat(access.isRestricted(sections.byPath("en", "news").orElseThrow().id())).isFalse();
            assertThat(members.groups()).extracting(g -> g.name())
                    .containsExactlyInAnyOrder("Member", "Agents", "Registered", MetinfoAccess.ADMINS_ONLY);
            long agents = members.groupNamed("Agents").orElseThrow().id();
            // a group of level 0 still needs a signed-in member
            assertThat(access.groupOf(sections.byPath("en", "registered").orElseThrow().id()))
                    .contains(members.groupNamed("Registered").orElseThrow().id());
            // a subcolumn naming a lower group than its parent's stays under the parent's limit
            Section corner = sections.byPath("en", "agents/corner").orElseThrow();
            assertThat(access.limits()).doesNotContainKey(corner.id());
            assertThat(access.groupOf(corner.id())).contains(agents);
            assertThat(WxrImportTest.entry(herald, "news", "16").status()).isEqualTo(EntryStatus.PUBLISHED);
            assertThat(WxrImportTest.entry(herald, "news", "17").status()).isEqualTo(EntryStatus.PUBLISHED);
            // a download whose file is for members only waits as a draft; a member-only parameter is left out
            assertThat(WxrImportTest.entry(herald, "download", "3").status()).isEqualTo(EntryStatus.DRAFT);
            HttpResponse<String> prices = herald.get("/upload/file/202107/prices.pdf");
            assertThat(prices.statusCode()).as("its file's old address leads nowhere").isEqualTo(404);
            assertThat(prices.body()).doesNotContain("member-only prices").doesNotContain("/media/");
            assertThat(WxrImportTest.entry(herald, "download", "4").body()).contains("Edition", "2021")
                    .doesNotContain("Internal code").doesNotContain("X-99");
            assertThat(report.warnings()).contains("1 item parameter(s) MetInfo showed to members only were left out"
                    + " of items open to more");
            // a guestbook reply for members only is not shown to everyone
            Section guestbook = herald.bean(Forms.class).formSections().stream()
                    .filter(f -> f.kind() == SectionKind.GUESTBOOK).findFirst().orElseThrow();
            assertThat(herald.bean(Inbox.class).of(guestbook.id())).extracting(Submission::reply).containsExactly("");
            assertThat(herald.get(guestbook.listPath("en")).body()).doesNotContain("An answer for members");
            assertThat(report.warnings()).anySatisfy(w -> assertThat(w).startsWith("1 guestbook reply(ies)"));

            assertThat(WxrImportTest.entry(herald, "news", "10").status()).isEqualTo(EntryStatus.PUBLISHED);
            assertThat(WxrImportTest.entry(herald, "news", "14").status()).isEqualTo(EntryStatus.PUBLISHED);
            assertThat(WxrImportTest.entry(herald, "news", "13").status()).isEqualTo(EntryStatus.PUBLISHED);
            assertThat(WxrImportTest.entry(herald, "news", "11").status()).as("stricter than its public column")
                    .isEqualTo(EntryStatus.DRAFT);
            assertThat(WxrImportTest.entry(herald, "news", "12").status()).as("stricter than its members' column")
                    .isEqualTo(EntryStatus.DRAFT);
            assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("column 20 ('Reports')")
                    .contains("'Agents'").contains("'Member'"));
            assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("met_news id 11").contains("draft"));
            assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("2 MetInfo member account(s)"));

            String entry = reports.entryPath("en", "member-report");
            String oldAddress = "/reports/shownews.php?id=10&lang=en";
            HttpResponse<String> hidden = herald.get(oldAddress);
            assertThat(hidden.statusCode()).as("the old address tells nobody where it went").isEqualTo(404);
            assertThat(hidden.headers().firstValue("Location")).isEmpty();
            assertThat(herald.get(entry).statusCode()).isEqualTo(404);
            assertThat(herald.get(reports.listPath("en")).statusCode()).isEqualTo(403);
            String feed = herald.get("/en/feed.atom").body();
            assertThat(feed).contains("Interactive consultations").doesNotContain("Member report")
                    .doesNotContain("Internal note").doesNotContain("Agents briefing");
            assertThat(herald.get("/sitemap-en-1.xml").body()).contains("/en/news/").doesNotContain("/en/reports/")
                    .doesNotContain("/en/notes/");

            members.add("lisa", "Lisa", member, "a long member password".toCharArray());
            PublicClient lisa = new PublicClient(herald);
            String signIn = "/en/account/sign-in";
            assertThat(lisa.post(signIn, lisa.csrf(signIn), "username", "lisa", "password", "a long member password")
                    .statusCode()).isEqualTo(303);
            assertThat(lisa.get(entry).body()).contains("For members.");
            HttpResponse<String> moved = lisa.get(oldAddress);
            assertThat(moved.statusCode()).isEqualTo(301);
            assertThat(moved.headers().firstValue("Location")).contains(entry);
            assertThat(lisa.get(reports.listPath("en")).body()).contains("Member update");
            Section notes = sections.byPath("en", "notes").orElseThrow();
            assertThat(lisa.get(notes.listPath("en")).statusCode()).isEqualTo(403);
            assertThat(lisa.get(corner.listPath("en")).statusCode()).as("a member, not an agent").isEqualTo(403);

            ImportReport again = importer.importDatabase(options, ImportProgress.NONE);
            assertThat(again.created()).isZero();
            assertThat(again.updated()).isZero();
            assertThat(members.groups()).hasSize(4);
            assertThat(access.groupOf(reports.id())).contains(member);

            // MetInfo raises Reports to Agents (its admin moves the items along); Herald's admin opens Notes
            // to members: the re-run follows MetInfo where the import set the limit, keeps Herald's own choice
            try (Connection c = TestServices.mariaDb(database); Statement s = c.createStatement()) {
                s.execute("UPDATE met_column SET access = 5 WHERE id = 20");
                s.execute("UPDATE met_news SET access = '5' WHERE class1 = 20");
            }
            access.limit(notes.id(), member);
            ImportReport raised = importer.importDatabase(options, ImportProgress.NONE);
            assertThat(access.groupOf(reports.id())).contains(agents);
            assertThat(WxrImportTest.entry(herald, "news", "10").status()).isEqualTo(EntryStatus.PUBLISHED);
            assertThat(lisa.get(entry).statusCode()).isEqualTo(404);
            assertThat(access.groupOf(notes.id())).contains(member);
            assertThat(raised.warnings()).anySatisfy(w -> assertThat(w).contains("column 22 ('Notes')")
                    .contains("keeps the limit set in Herald"));

            // Herald's admin opens Reports to everyone: that decision is kept, but what MetInfo has for
            // agents only is not published to everyone on the next run; it waits as drafts
            access.limit(reports.id(), null);
            ImportReport opened = importer.importDatabase(options, ImportProgress.NONE);
            assertThat(access.isRestricted(reports.id())).isFalse();
            assertThat(WxrImportTest.entry(herald, "news", "10").status()).isEqualTo(EntryStatus.DRAFT);
            assertThat(herald.get(entry).statusCode()).isEqualTo(404);
            assertThat(opened.warnings()).anySatisfy(w -> assertThat(w).contains("met_news id 10").contains("draft"));
        }
    }

    private static byte[] png(Color color) throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
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

    @Test
    void aSourceBrokenPartWayLeavesNoFilesBehind() throws Exception {
        try (Connection c = TestServices.mariaDb(database); Statement s = c.createStatement()) {
            for (String sql : MODULE_ROWS) {
                s.execute(sql);
            }
            s.execute("DROP TABLE met_mlist"); // read after the gallery's images are in the library
        }
        Path upload = Files.createDirectories(dir.resolve("upload/202105"));
        Files.write(upload.resolve("arrival.png"), png(Color.RED));
        Path data = dir.resolve("data");
        try (RunningHerald herald = RunningHerald.offline(data, "--herald.demo-content=false")) {
            assertThatThrownBy(() -> herald.bean(MetinfoImporter.class).importDatabase(new MetinfoImporter.Options(
                    TestServices.mariaDbUrl(database), TestServices.MARIADB_USER, "", dir.resolve("upload"), null),
                    ImportProgress.NONE)).isInstanceOf(ImportFailed.class).hasMessageContaining("met_mlist");
            assertThat(herald.bean(Entries.class).count()).isZero();
            assertThat(herald.bean(MediaLibrary.class).recent(10)).isEmpty();
            try (var files = Files.list(Files.createDirectories(data.resolve("media")))) {
                assertThat(files.toList()).as("the gallery's image files are gone with the failed import").isEmpty();
            }
        }
    }
}
