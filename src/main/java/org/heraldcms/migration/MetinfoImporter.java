package org.heraldcms.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.content.Redirects;
import org.heraldcms.migration.internal.Checksums;
import org.heraldcms.migration.internal.ImportLedger;
import org.heraldcms.migration.internal.ReportBuilder;
import org.heraldcms.platform.HeraldProperties;
import org.heraldcms.site.Language;
import org.heraldcms.site.NewSection;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.site.Site;
import org.heraldcms.site.SiteSettings;
import org.heraldcms.text.Slugs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a MetInfo 7 site straight from its MySQL/MariaDB database, in one transaction:
 * languages ({@code met_lang.mark}, {@code cn} becoming {@code zh}), the column tree
 * ({@code met_column}, class 1/2/3) as sections, news and about pages as entries, downloads as
 * document entries (their files copied from {@code --upload-dir}), admin accounts recorded as
 * "must set a new password" (their unsalted MD5 hashes are never read), and every old
 * address form as a redirect. Running it again updates what changed and duplicates nothing.
 */
@Service
public class MetinfoImporter {

    /** How to reach the MetInfo database; {@code tablePrefix} is MetInfo's, {@code met_} by default. */
    public record Options(String jdbcUrl, String user, String password, Path uploadDir, String tablePrefix) {
    }

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]{0,20}");
    private static final Pattern MARK = Pattern.compile("[a-z]{2,3}");
    private static final Pattern SPLIT_TAGS = Pattern.compile("[|,，、]");

    private final Entries entries;
    private final Sections sections;
    private final SiteSettings site;
    private final Redirects redirects;
    private final ImportLedger ledger;
    private final HeraldProperties properties;
    private final TransactionTemplate transaction;

    MetinfoImporter(Entries entries, Sections sections, SiteSettings site, Redirects redirects, ImportLedger ledger,
                    HeraldProperties properties, PlatformTransactionManager transactions) {
        this.entries = entries;
        this.sections = sections;
        this.site = site;
        this.redirects = redirects;
        this.ledger = ledger;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** MetInfo's language mark as a BCP 47 tag. */
    static String tagOf(String mark) {
        String m = mark.strip().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "cn" -> "zh";
            case "tc" -> "zh-Hant";
            case "jp" -> "ja";
            case "kr" -> "ko";
            default -> m;
        };
    }

    public ImportReport importDatabase(Options options, ImportProgress progress) {
        String prefix = options.tablePrefix() == null ? "met_" : options.tablePrefix();
        if (!PREFIX.matcher(prefix).matches()) {
            throw new ImportFailed("The table prefix '" + prefix + "' is not letters, digits and '_'");
        }
        String url = options.jdbcUrl() == null ? "" : options.jdbcUrl().strip();
        if (url.startsWith("jdbc:mysql:")) {
            url = "jdbc:mariadb:" + url.substring("jdbc:mysql:".length());
        }
        if (!url.startsWith("jdbc:mariadb:")) {
            throw new ImportFailed("The MetInfo database URL must start with jdbc:mariadb: or jdbc:mysql:");
        }
        Properties login = new Properties();
        login.setProperty("user", options.user() == null ? "" : options.user());
        login.setProperty("password", options.password() == null ? "" : options.password());
        String source = "metinfo:" + url.replaceAll("\\?.*$", "");
        List<Path[]> copies = new ArrayList<>();
        try (Connection metinfo = DriverManager.getConnection(url, login)) {
            metinfo.setReadOnly(true);
            Run run = new Run(metinfo, prefix, source, options.uploadDir(), progress, copies);
            ImportReport report = transaction.execute(status -> run.all());
            copyFiles(copies);
            return report;
        } catch (SQLException e) {
            throw new ImportFailed("MetInfo database: " + e.getMessage() + " (nothing was imported)", e);
        } catch (ImportFailed e) {
            throw new ImportFailed(e.getMessage() + " (nothing was imported)", e);
        } finally {
            site.forget();
            sections.forget();
        }
    }

    private void copyFiles(List<Path[]> copies) {
        for (Path[] copy : copies) {
            try {
                Files.createDirectories(copy[1].getParent());
                Files.copy(copy[0], copy[1], StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new ImportFailed("Cannot copy " + copy[0] + " into the data folder: " + e.getMessage(), e);
            }
        }
    }

    private record Column(long id, String name, String folder, String filename, long parent, int module, int position,
                          int nav, int level, String mark, String content, String description, String keywords) {
    }

    /** A MetInfo column as imported: its section and the folder its class-1 column lives in. */
    private record Placed(long sectionId, String folder, String mark, String language, int level) {
    }

    private final class Run {

        final Connection db;
        final String prefix;
        final String source;
        final Path uploadDir;
        final ImportProgress progress;
        final List<Path[]> copies;
        final ReportBuilder report = new ReportBuilder();
        final Map<String, String> languages = new HashMap<>();
        final Map<Long, Placed> placed = new HashMap<>();
        String defaultMark = "";
        ZoneId zone;
        long done;

        Run(Connection db, String prefix, String source, Path uploadDir, ImportProgress progress, List<Path[]> copies) {
            this.db = db;
            this.prefix = prefix;
            this.source = source;
            this.uploadDir = uploadDir;
            this.progress = progress;
            this.copies = copies;
        }

        ImportReport all() {
            try {
                zone = site.current().timeZone();
                progress.max(count("news") + count("download") + count("column"));
                languages();
                columns();
                items("news", "shownews.php", SectionKind.NEWS);
                items("download", "showdownload.php", SectionKind.DOCUMENTS);
                accounts();
                return report.build(source);
            } catch (SQLException e) {
                throw new ImportFailed("MetInfo database: " + e.getMessage(), e);
            }
        }

        private String table(String name) {
            return prefix + name;
        }

        private long count(String name) throws SQLException {
            try (PreparedStatement s = db.prepareStatement("SELECT COUNT(*) FROM " + table(name)); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private void languages() throws SQLException {
            Site current = site.current();
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement("SELECT mark, name, useok FROM " + table("lang") + " ORDER BY no_order, id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            if (rows.isEmpty()) {
                throw new ImportFailed(table("lang") + " has no languages");
            }
            defaultMark = rows.get(0)[0].strip().toLowerCase(Locale.ROOT);
            int position = current.languages().size();
            for (String[] row : rows) {
                String mark = row[0].strip().toLowerCase(Locale.ROOT);
                if (!MARK.matcher(mark).matches()) {
                    report.warn(table("lang") + ": language mark '" + mark + "' skipped: not a language code");
                    continue;
                }
                String tag = tagOf(mark);
                languages.put(mark, tag);
                if (site.current().languages().stream().noneMatch(l -> l.tag().equals(tag))) {
                    Language base = current.defaultLanguage();
                    site.addLanguage(new Language(tag, row[1] == null || row[1].isBlank() ? tag : row[1].strip(), position++,
                            !"0".equals(row[2]), false, base.siteName(), "", "", ""));
                }
            }
        }

        private void columns() throws SQLException {
            List<Column> columns = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement("""
                    SELECT id, name, foldername, filename, bigclass, module, no_order, nav, classtype, lang, content,
                           description, keywords
                    FROM %s ORDER BY classtype, no_order, id""".formatted(table("column")));
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getLong("id"), text(rs, "name"), text(rs, "foldername"), text(rs, "filename"),
                            rs.getLong("bigclass"), rs.getInt("module"), rs.getInt("no_order"), rs.getInt("nav"),
                            rs.getInt("classtype"), text(rs, "lang").toLowerCase(Locale.ROOT), text(rs, "content"),
                            text(rs, "description"), text(rs, "keywords")));
                }
            }
            for (Column c : columns) {
                progress.at(++done);
                SectionKind kind = switch (c.module) {
                    case 1 -> SectionKind.PAGE;
                    case 2 -> SectionKind.NEWS;
                    case 4 -> SectionKind.DOCUMENTS;
                    default -> null;
                };
                String language = languages.get(c.mark);
                if (kind == null || language == null) {
                    report.skipped++;
                    report.warn("column " + c.id + " ('" + c.name + "') skipped: "
                            + (language == null ? "language '" + c.mark + "' is not imported" : "module " + c.module + " is not imported"));
                    continue;
                }
                Placed parent = c.level > 1 ? placed.get(c.parent) : null;
                if (c.level > 1 && parent == null) {
                    report.skipped++;
                    report.warn("column " + c.id + " ('" + c.name + "') skipped: its parent column " + c.parent + " was not imported");
                    continue;
                }
                String wanted = c.level == 1 ? c.folder : c.filename;
                long sectionId = section(c, parent, kind, language, wanted);
                String folder = parent == null ? c.folder : parent.folder;
                Placed here = new Placed(sectionId, folder, c.mark, language, c.level);
                placed.put(c.id, here);
                String list = sections.byId(sectionId).orElseThrow().listPath(language);
                String script = c.module == 4 ? "download.php" : c.module == 2 ? "news.php" : "index.php";
                redirect("/" + folder + "/" + script + "?lang=" + c.mark + "&class" + c.level + "=" + c.id, list);
                redirect("/" + folder + "/" + script + "?class" + c.level + "=" + c.id + "&lang=" + c.mark, list);
                redirect("/" + folder + "/list-" + c.id + "-" + c.mark + ".html", list);
                if (c.mark.equals(defaultMark)) {
                    redirect("/" + folder + "/list-" + c.id + ".html", list);
                }
                if (c.level == 1) {
                    redirect("/" + folder + "/index.php?lang=" + c.mark, list);
                    if (c.mark.equals(defaultMark)) {
                        redirect("/" + folder + "/", list);
                        redirect("/" + folder + "/index.html", list);
                    }
                }
                if (c.module == 1) {
                    aboutPage(c, here);
                }
            }
        }

        private long section(Column c, Placed parent, SectionKind kind, String language, String wantedSlug) {
            String key = "column:" + c.id;
            Optional<ImportLedger.Mapped> mapped = ledger.find(source, "section", key);
            if (mapped.isPresent() && sections.byId(mapped.get().targetId()).filter(s -> s.in(language).isPresent()).isPresent()) {
                return mapped.get().targetId();
            }
            String slug = WxrImporter.slugOr(wantedSlug, c.name, "column-" + c.id);
            if (parent == null && Sections.RESERVED_SLUGS.contains(slug)) {
                slug = "column-" + slug;
            }
            Long parentId = parent == null ? null : parent.sectionId;
            String path = parent == null ? slug
                    : sections.byId(parentId).orElseThrow().in(language).orElseThrow().path() + "/" + slug;
            Optional<Section> existing = sections.byPath(language, path);
            long id;
            if (existing.isPresent()) {
                id = existing.get().id();
            } else {
                id = sections.create(new NewSection(parentId, kind, c.position, c.level == 1 && (c.nav == 1 || c.nav == 3),
                        Map.of(language, c.name.isBlank() ? slug : c.name), Map.of(language, slug))).id();
                report.sectionsCreated++;
            }
            ledger.put(source, "section", key, id, null, "");
            return id;
        }

        private void aboutPage(Column c, Placed here) {
            if (c.content.isBlank()) {
                return;
            }
            EntryDraft draft = new EntryDraft(null, null, here.language, here.sectionId, c.name,
                    WxrImporter.slugOr(c.filename.isBlank() ? c.folder : c.filename, c.name, "page-" + c.id),
                    c.description, c.content, "", "", null, EntryStatus.PUBLISHED, false, tags("", c.keywords), "", c.description);
            Entry saved = save("about", String.valueOf(c.id), draft, Checksums.of(c, here), 0);
            if (saved != null && saved.isPublished()) {
                String target = sections.byId(saved.sectionId()).orElseThrow().entryPath(saved.language(), saved.slug());
                redirect("/" + here.folder + "/show.php?id=" + c.id + "&lang=" + c.mark, target);
                redirect("/" + here.folder + "/show.php?lang=" + c.mark + "&id=" + c.id, target);
                redirect("/" + here.folder + "/" + c.id + "-" + c.mark + ".html", target);
            }
        }

        private void items(String kindTable, String script, SectionKind kind) throws SQLException {
            boolean download = kind == SectionKind.DOCUMENTS;
            String sql = """
                    SELECT id, title, content, description, keywords, tag, addtime, hits, filename, class1, class2, class3,
                           displaytype, recycle, lang, %s FROM %s ORDER BY id""".formatted(
                    download ? "downloadurl, '' AS publisher" : "'' AS downloadurl, publisher", table(kindTable));
            Set<String> filenamesTaken = new LinkedHashSet<>();
            try (PreparedStatement s = db.prepareStatement(sql)) {
                s.setFetchSize(500);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong("id");
                        try {
                            item(rs, id, kindTable, script, download, filenamesTaken);
                        } catch (ImportFailed e) {
                            throw e;
                        } catch (RuntimeException e) {
                            throw new ImportFailed(table(kindTable) + " id " + id + ": " + e.getMessage(), e);
                        }
                        progress.at(++done);
                    }
                }
            }
        }

        private void item(ResultSet rs, long id, String kindTable, String script, boolean download,
                          Set<String> filenamesTaken) throws SQLException {
            String mark = text(rs, "lang").toLowerCase(Locale.ROOT);
            String language = languages.get(mark);
            Placed column = null;
            for (String level : List.of("class3", "class2", "class1")) {
                long c = rs.getLong(level);
                if (c != 0 && placed.containsKey(c)) {
                    column = placed.get(c);
                    break;
                }
            }
            if (language == null || column == null) {
                report.skipped++;
                report.warn(table(kindTable) + " id " + id + " skipped: " + (language == null
                        ? "language '" + mark + "' is not imported" : "its column was not imported"));
                return;
            }
            String title = text(rs, "title");
            if (title.isBlank()) {
                title = "Untitled " + id;
            }
            LocalDateTime added = rs.getObject("addtime", LocalDateTime.class);
            Instant publishedAt = added == null ? null : added.atZone(zone).toInstant();
            EntryStatus status = rs.getInt("recycle") != 0 ? EntryStatus.ARCHIVED
                    : rs.getInt("displaytype") == 0 ? EntryStatus.DRAFT : EntryStatus.PUBLISHED;
            String filename = text(rs, "filename");
            String body = text(rs, "content");
            String downloadUrl = text(rs, "downloadurl");
            EntryDraft draft = new EntryDraft(null, null, language, column.sectionId, title,
                    filename.isBlank() ? null : WxrImporter.slugOr(filename, title, null), text(rs, "description"), body,
                    text(rs, "publisher"), "", publishedAt, status, false, tags(text(rs, "tag"), text(rs, "keywords")),
                    "", text(rs, "description"));
            long hits = rs.getLong("hits");
            Entry saved = save(kindTable, String.valueOf(id), draft,
                    Checksums.of(draft, hits, downloadUrl, column), hits);
            if (download && !downloadUrl.isBlank()) {
                media(id, saved, downloadUrl, title);
            }
            if (saved == null || !saved.isPublished()) {
                return;
            }
            String target = sections.byId(saved.sectionId()).orElseThrow().entryPath(language, saved.slug());
            String folder = "/" + column.folder + "/";
            redirect(folder + script + "?id=" + id + "&lang=" + mark, target);
            redirect(folder + script + "?lang=" + mark + "&id=" + id, target);
            redirect(folder + id + "-" + mark + ".html", target);
            if (mark.equals(defaultMark)) {
                redirect(folder + id + ".html", target);
            }
            if (!filename.isBlank() && filename.matches("[A-Za-z0-9_.-]{1,200}")) {
                redirect(folder + filename + "-" + mark + ".html", target);
                if (mark.equals(defaultMark) || filenamesTaken.add(folder + filename)) {
                    redirect(folder + filename + ".html", target);
                }
                filenamesTaken.add(folder + filename);
            }
        }

        /** Saves a new or changed item (unchanged ones are left alone); returns the entry as it stands. */
        private Entry save(String kind, String sourceId, EntryDraft draft, String checksum, long views) {
            Optional<ImportLedger.Mapped> mapped = ledger.find(source, kind, sourceId);
            Optional<Entry> existing = mapped.flatMap(m -> entries.find(m.targetId()));
            if (existing.isPresent() && mapped.get().checksum().equals(checksum)) {
                report.unchanged++;
                return existing.get();
            }
            EntryDraft withId = new EntryDraft(existing.map(Entry::id).orElse(null), null, draft.language(),
                    draft.sectionId(), draft.title(), existing.isPresent() && draft.slug() == null ? existing.get().slug() : draft.slug(),
                    draft.summary(), draft.body(), draft.author(), draft.source(), draft.publishedAt(), draft.status(),
                    draft.featured(), draft.tags(), draft.seoTitle(), draft.seoDescription());
            Entry saved;
            try {
                saved = entries.save(withId, WxrImporter.BY);
            } catch (RuntimeException e) {
                throw new ImportFailed(table(kind) + " id " + sourceId + " ('" + draft.title() + "'): " + e.getMessage(), e);
            }
            entries.setViewCount(saved.id(), views);
            ledger.put(source, kind, sourceId, saved.id(), null, checksum);
            if (existing.isPresent()) {
                report.updated++;
            } else {
                report.created++;
            }
            return saved;
        }

        private void media(long id, Entry saved, String downloadUrl, String title) {
            String url = downloadUrl;
            if (uploadDir != null) {
                String relative = downloadUrl.replace('\\', '/').replaceFirst("^(\\.\\./)+", "").replaceFirst("^/", "")
                        .replaceFirst("^upload/", "");
                Path root = uploadDir.toAbsolutePath().normalize();
                Path file = root.resolve(relative).normalize();
                if (file.startsWith(root) && Files.isRegularFile(file) && !relative.contains("..")) {
                    Path target = properties.dataDir().resolve("media/metinfo").resolve(relative).normalize();
                    copies.add(new Path[] {file, target});
                    url = "/media/metinfo/" + relative;
                } else {
                    report.warn(table("download") + " id " + id + ": file " + downloadUrl + " not found in " + uploadDir);
                }
            }
            ledger.putMedia(source, "download:" + id, saved == null ? null : saved.id(), url, title, "");
            report.media++;
        }

        private void accounts() {
            int n = 0;
            try (PreparedStatement s = db.prepareStatement("SELECT admin_id, admin_name, admin_email FROM " + table("admin_table"));
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ledger.putAccount(source, text(rs, "admin_id"), text(rs, "admin_name"), text(rs, "admin_email"));
                    n++;
                }
            } catch (SQLException e) {
                report.warn(table("admin_table") + " not read (" + e.getMessage() + "): no accounts recorded");
                return;
            }
            if (n > 0) {
                report.warn(n + " admin account(s) recorded without their MD5 passwords: each must set a new password");
            }
        }

        private void redirect(String oldPath, String target) {
            if (!oldPath.equals(target) && oldPath.length() <= 2000
                    && !redirects.target(oldPath).filter(target::equals).isPresent()) {
                redirects.add(oldPath, target, "metinfo");
                report.redirects++;
            }
        }
    }

    private static List<String> tags(String tag, String keywords) {
        List<String> out = new ArrayList<>();
        for (String part : SPLIT_TAGS.split(tag + "|" + keywords)) {
            if (!part.isBlank() && Slugs.of(part.strip()).length() > 0) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static String text(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? "" : value;
    }
}
