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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryMedia;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.content.Redirects;
import org.heraldcms.forms.Forms;
import org.heraldcms.forms.Inbox;
import org.heraldcms.identity.Members;
import org.heraldcms.kinds.Galleries;
import org.heraldcms.kinds.GalleryPicture;
import org.heraldcms.kinds.KindEntries;
import org.heraldcms.kinds.KindFields;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.migration.internal.Checksums;
import org.heraldcms.migration.internal.ImportLedger;
import org.heraldcms.migration.internal.ReportBuilder;
import org.heraldcms.platform.HeraldProperties;
import org.heraldcms.site.Language;
import org.heraldcms.site.NewSection;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionAccess;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.site.Site;
import org.heraldcms.site.SiteSettings;
import org.heraldcms.text.Html;
import org.heraldcms.text.Slugs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a MetInfo 7 site straight from its MySQL/MariaDB database, in one transaction:
 * languages ({@code met_lang.mark}, {@code cn} becoming {@code zh}), the column tree
 * ({@code met_column}, class 1/2/3) as sections, news and about pages as entries, downloads as
 * document entries with their file attached, image and product columns as galleries, job openings as
 * vacancies, friendly links, guestbook messages and feedback with their forms' fields (see
 * {@link MetinfoListings} and {@link MetinfoForms}), admin accounts recorded as "must set a new
 * password" (their unsalted MD5 hashes are never read), and every old address form, uploaded
 * files included, as a redirect. Files come from {@code --upload-dir} into the media library.
 * Running it again updates what changed and duplicates nothing.
 */
@Service
public class MetinfoImporter {

    /** How to reach the MetInfo database; {@code tablePrefix} is MetInfo's, {@code met_} by default. */
    public record Options(String jdbcUrl, String user, String password, Path uploadDir, String tablePrefix) {
    }

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]{0,20}");
    private static final Pattern MARK = Pattern.compile("[a-z]{2,3}");
    private static final Pattern SPLIT_TAGS = Pattern.compile("[|,，、]");
    /** A {@code src} or {@code href} pointing into MetInfo's upload folder: {@code ../upload/...} or {@code /upload/...}. */
    private static final Pattern UPLOAD_LINK = Pattern.compile("(?i)(\\b(?:src|href)\\s*=\\s*[\"'])((?:\\.\\./)*/?upload/[^\"'#?]{1,400})");
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._/-]{1,500}");

    private final Entries entries;
    private final KindEntries kinds;
    private final Galleries galleries;
    private final MediaLibrary media;
    private final Forms forms;
    private final Inbox inbox;
    private final Sections sections;
    private final SiteSettings site;
    private final Redirects redirects;
    private final ImportLedger ledger;
    private final HeraldProperties properties;
    private final Members members;
    private final SectionAccess sectionAccess;
    private final TransactionTemplate transaction;

    MetinfoImporter(Entries entries, KindEntries kinds, Galleries galleries, MediaLibrary media, Forms forms,
                    Inbox inbox, Sections sections, SiteSettings site, Redirects redirects, ImportLedger ledger,
                    HeraldProperties properties, Members members, SectionAccess sectionAccess,
                    PlatformTransactionManager transactions) {
        this.entries = entries;
        this.kinds = kinds;
        this.galleries = galleries;
        this.media = media;
        this.forms = forms;
        this.inbox = inbox;
        this.sections = sections;
        this.site = site;
        this.redirects = redirects;
        this.ledger = ledger;
        this.properties = properties;
        this.members = members;
        this.sectionAccess = sectionAccess;
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
        List<MediaItem> stored = new ArrayList<>();
        try (Connection metinfo = DriverManager.getConnection(url, login)) {
            metinfo.setReadOnly(true);
            Run run = new Run(metinfo, prefix, source, options.uploadDir(), progress, copies, stored);
            ImportReport report = transaction.execute(status -> run.all());
            copyFiles(copies);
            return report;
        } catch (SQLException e) {
            stored.forEach(media::discard);
            throw new ImportFailed("MetInfo database: " + e.getMessage() + " (nothing was imported)", e);
        } catch (ImportFailed e) {
            stored.forEach(media::discard);
            throw new ImportFailed(e.getMessage() + " (nothing was imported)", e);
        } catch (RuntimeException e) {
            stored.forEach(media::discard);
            throw e;
        } finally {
            // a committed import is read again by the after-commit listeners; this is for a rolled-back
            // one, whose sections and limits may have been cached inside its transaction
            site.forget();
            sections.forget();
            sectionAccess.forget();
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
                          int nav, int level, String mark, String content, String description, String keywords,
                          String access) {
    }

    /** A MetInfo column as imported: its section, module and the folder its pages live in. */
    record Placed(long columnId, long sectionId, int module, String folder, String mark, String language, int level) {
    }

    /** One import: the MetInfo connection, what has been placed so far, and what every module's import shares. */
    final class Run {

        final Connection db;
        final String prefix;
        final String source;
        final Path uploadDir;
        final ImportProgress progress;
        final List<Path[]> copies;
        /** Files put in the media library by this run: removed again should it fail. */
        final List<MediaItem> stored;
        final ReportBuilder report = new ReportBuilder();
        final Map<String, String> languages = new HashMap<>();
        final Map<Long, Placed> placed = new HashMap<>();
        final MetinfoAccess access;
        /** Sections the import found already there (by path) rather than made. */
        final Set<Long> merged = new HashSet<>();
        String defaultMark = "";
        ZoneId zone;
        long done;
        long filesLeft;
        long heldBackParameters;

        Run(Connection db, String prefix, String source, Path uploadDir, ImportProgress progress, List<Path[]> copies,
            List<MediaItem> stored) {
            this.stored = stored;
            this.db = db;
            this.prefix = prefix;
            this.source = source;
            this.uploadDir = uploadDir;
            this.progress = progress;
            this.copies = copies;
            this.access = new MetinfoAccess(this, members, sectionAccess);
        }

        ImportReport all() {
            try {
                zone = site.current().timeZone();
                progress.max(count("column") + count("news") + count("download") + count("img") + count("product") + count("job")
                        + count("link") + count("message") + count("feedback"));
                languages();
                access.load();
                columns();
                items("news", "shownews.php", SectionKind.NEWS);
                items("download", "showdownload.php", SectionKind.DOCUMENTS);
                items("img", "showimg.php", SectionKind.GALLERY);
                items("product", "showproduct.php", SectionKind.GALLERY);
                MetinfoListings listings = new MetinfoListings(this);
                listings.jobs();
                listings.links();
                listings.banners();
                new MetinfoTags(this, entries).redirects();
                new MetinfoForms(this, forms, inbox).all();
                accounts();
                access.reportMembers();
                if (heldBackParameters > 0) {
                    report.warn(heldBackParameters + " item parameter(s) MetInfo showed to members only were left out"
                            + " of items open to more");
                }
                if (filesLeft > 0) {
                    report.warn(filesLeft + " file(s) under upload/ not carried: give --upload-dir (MetInfo's upload folder)");
                }
                return report.build(source);
            } catch (SQLException e) {
                throw new ImportFailed("MetInfo database: " + e.getMessage(), e);
            }
        }

        String table(String name) {
            return prefix + name;
        }

        void step() {
            progress.at(++done);
        }

        /** The imported columns of a module, in MetInfo's order. */
        List<Placed> placedOf(int module) {
            return placed.values().stream().filter(p -> p.module() == module)
                    .sorted(java.util.Comparator.comparingLong(Placed::columnId)).toList();
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
                           description, keywords, access
                    FROM %s ORDER BY classtype, no_order, id""".formatted(table("column")));
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getLong("id"), text(rs, "name"), text(rs, "foldername"), text(rs, "filename"),
                            rs.getLong("bigclass"), rs.getInt("module"), rs.getInt("no_order"), rs.getInt("nav"),
                            rs.getInt("classtype"), text(rs, "lang").toLowerCase(Locale.ROOT), text(rs, "content"),
                            text(rs, "description"), text(rs, "keywords"), text(rs, "access")));
                }
            }
            for (Column c : columns) {
                step();
                SectionKind kind = switch (c.module) {
                    case 1 -> SectionKind.PAGE;
                    case 2 -> SectionKind.NEWS;
                    case 3, 5 -> SectionKind.GALLERY; // products are shown by their pictures and text
                    case 4 -> SectionKind.DOCUMENTS;
                    case 6 -> SectionKind.VACANCIES;
                    case 7 -> SectionKind.GUESTBOOK;
                    case 8 -> SectionKind.FEEDBACK;
                    case 9 -> SectionKind.LINK;
                    default -> null;
                };
                String language = languages.get(c.mark);
                if (language != null && builtIn(c, language)) {
                    continue;
                }
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
                // a column of another module under this one (a guestbook under "About us") has a folder of its own
                String folder = parent == null || !c.folder.isBlank() && !c.folder.equals(parent.folder)
                        ? c.folder : parent.folder;
                Placed here = new Placed(c.id, sectionId, c.module, folder, c.mark, language, c.level);
                placed.put(c.id, here);
                access.column(c.id, c.name, c.mark, c.access, parent == null ? null : parent.columnId(), sectionId,
                        merged.contains(sectionId));
                String list = sections.byId(sectionId).orElseThrow().listPath(language);
                String script = switch (c.module) {
                    case 2 -> "news.php";
                    case 3 -> "product.php";
                    case 4 -> "download.php";
                    case 5 -> "img.php";
                    case 6 -> "job.php";
                    case 7 -> "message.php";
                    case 8 -> "feedback.php";
                    case 9 -> "link.php";
                    default -> "index.php";
                };
                redirect("/" + folder + "/" + script + "?lang=" + c.mark + "&class" + c.level + "=" + c.id, list);
                redirect("/" + folder + "/" + script + "?class" + c.level + "=" + c.id + "&lang=" + c.mark, list);
                if (c.module >= 7) { // forms and links are addressed by id, or by their folder alone
                    redirect("/" + folder + "/index.php?id=" + c.id + "&lang=" + c.mark, list);
                    redirect("/" + folder + "/index.php?lang=" + c.mark + "&id=" + c.id, list);
                    redirect("/" + folder + "/index.php?lang=" + c.mark, list);
                    if (c.mark.equals(defaultMark)) {
                        redirect("/" + folder + "/", list);
                    }
                }
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
                merged.add(id);
            } else {
                id = sections.create(new NewSection(parentId, kind, c.position, c.level == 1 && (c.nav == 1 || c.nav == 3),
                        Map.of(language, c.name.isBlank() ? slug : c.name), Map.of(language, slug))).id();
                report.sectionsCreated++;
            }
            ledger.put(source, "section", key, id, null, "");
            return id;
        }

        /**
         * A column for a page Herald has of its own (member centre, search, sitemap): its old
         * addresses lead there. False for any other column.
         */
        private boolean builtIn(Column c, String language) {
            String target = switch (c.module) {
                case 10 -> "/" + language + "/account/sign-in";
                case 11 -> "/" + language + "/search";
                case 12 -> "/sitemap.xml";
                default -> null;
            };
            if (target == null) {
                return false;
            }
            redirect("/" + c.folder + "/index.php?lang=" + c.mark, target);
            String page = switch (c.module) {
                case 10 -> "login";
                case 11 -> "search";
                default -> "sitemap";
            };
            redirect("/" + c.folder + "/" + page + ".php?lang=" + c.mark, target);
            if (c.mark.equals(defaultMark)) {
                redirect("/" + c.folder + "/", target);
            }
            return true;
        }

        /**
         * A top-level section for what MetInfo keeps outside its column tree (friendly links), made
         * once per import source and language; another kind of section at {@code slug} is left alone.
         */
        long ownSection(String key, SectionKind kind, String language, String name, String slug) {
            Optional<ImportLedger.Mapped> mapped = ledger.find(source, "section", key);
            if (mapped.isPresent() && sections.byId(mapped.get().targetId()).filter(s -> s.in(language).isPresent()).isPresent()) {
                return mapped.get().targetId();
            }
            Optional<Section> there = sections.byPath(language, slug);
            long id;
            if (there.isPresent() && there.get().kind() == kind) {
                id = there.get().id();
            } else {
                String free = there.isPresent() ? "metinfo-" + slug : slug;
                id = sections.create(new NewSection(null, kind, sections.all().size() + 1, true, Map.of(language, name),
                        Map.of(language, free))).id();
                report.sectionsCreated++;
            }
            ledger.put(source, "section", key, id, null, "");
            return id;
        }

        Optional<ImportLedger.Mapped> ledgerFind(String kind, String sourceId) {
            return ledger.find(source, kind, sourceId);
        }

        void ledgerPut(String kind, String sourceId, long targetId) {
            ledgerPut(kind, sourceId, targetId, "");
        }

        void ledgerPut(String kind, String sourceId, long targetId, String checksum) {
            ledger.put(source, kind, sourceId, targetId, null, checksum);
        }

        String listPath(long sectionId, String language) {
            return sections.byId(sectionId).orElseThrow().listPath(language);
        }

        private void aboutPage(Column c, Placed here) {
            if (c.content.isBlank()) {
                return;
            }
            EntryDraft draft = new EntryDraft(null, null, here.language, here.sectionId, c.name,
                    WxrImporter.slugOr(c.filename.isBlank() ? c.folder : c.filename, c.name, "page-" + c.id),
                    c.description, withCarriedFiles("column " + c.id, c.content), "", "", null, EntryStatus.PUBLISHED, false,
                    tags("", c.keywords), "", c.description);
            Entry saved = save("about", String.valueOf(c.id), draft, null, KindFields.NONE, Checksums.of(c, here), 0);
            if (saved != null && saved.isPublished()) {
                String target = sections.byId(saved.sectionId()).orElseThrow().entryPath(saved.language(), saved.slug());
                redirect("/" + here.folder + "/show.php?id=" + c.id + "&lang=" + c.mark, target);
                redirect("/" + here.folder + "/show.php?lang=" + c.mark + "&id=" + c.id, target);
                redirect("/" + here.folder + "/" + c.id + "-" + c.mark + ".html", target);
            }
        }

        private void items(String kindTable, String script, SectionKind kind) throws SQLException {
            String extra = switch (kind) {
                case DOCUMENTS -> "downloadurl, downloadaccess, '' AS publisher, '' AS imgurl, '' AS displayimg";
                // images and products have up to four more tabs of text
                case GALLERY -> "'' AS downloadurl, '' AS publisher, imgurl, displayimg, content1, content2, content3, content4";
                default -> "'' AS downloadurl, publisher, imgurl, '' AS displayimg";
            };
            String sql = """
                    SELECT id, title, content, description, keywords, tag, addtime, hits, filename, class1, class2, class3,
                           displaytype, recycle, lang, access, %s FROM %s ORDER BY id""".formatted(extra, table(kindTable));
            Set<String> filenamesTaken = new LinkedHashSet<>();
            try (PreparedStatement s = db.prepareStatement(sql)) {
                s.setFetchSize(500);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong("id");
                        try {
                            item(rs, id, kindTable, script, kind, filenamesTaken);
                        } catch (ImportFailed e) {
                            throw e;
                        } catch (RuntimeException e) {
                            throw new ImportFailed(table(kindTable) + " id " + id + ": " + e.getMessage(), e);
                        }
                        step();
                    }
                }
            }
        }

        /** The imported column an item of MetInfo belongs to: its deepest class that was imported. */
        Placed columnOf(ResultSet rs) throws SQLException {
            for (String level : List.of("class3", "class2", "class1")) {
                long c = rs.getLong(level);
                if (c != 0 && placed.containsKey(c)) {
                    return placed.get(c);
                }
            }
            return null;
        }

        private void item(ResultSet rs, long id, String kindTable, String script, SectionKind kind,
                          Set<String> filenamesTaken) throws SQLException {
            String mark = text(rs, "lang").toLowerCase(Locale.ROOT);
            String language = languages.get(mark);
            Placed column = columnOf(rs);
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
            String where = table(kindTable) + " id " + id;
            // a download's file may be stricter than its page: then the page waits with it
            String marked = kind == SectionKind.DOCUMENTS ? access.stricter(mark, text(rs, "access"), text(rs, "downloadaccess"))
                    : text(rs, "access");
            if (status == EntryStatus.PUBLISHED && access.stricterThanSection(mark, marked, column.columnId())) {
                access.keptBack(where, mark, marked);
                status = EntryStatus.DRAFT;
            }
            String filename = text(rs, "filename");
            StringBuilder body = new StringBuilder(text(rs, "content"));
            if (kind == SectionKind.GALLERY) {
                for (String tab : List.of("content1", "content2", "content3", "content4")) {
                    if (!text(rs, tab).isBlank()) {
                        body.append("<hr>").append(text(rs, tab));
                    }
                }
            }
            int module = switch (kindTable) {
                case "product" -> 3;
                case "download" -> 4;
                case "img" -> 5;
                default -> 0;
            };
            if (module != 0) {
                body.append(parameters(module, id, mark, column.columnId()));
            }
            EntryDraft draft = new EntryDraft(null, null, language, column.sectionId, title,
                    filename.isBlank() ? null : WxrImporter.slugOr(filename, title, null), text(rs, "description"),
                    withCarriedFiles(where, body.toString()),
                    text(rs, "publisher"), "", publishedAt, status, false, tags(text(rs, "tag"), text(rs, "keywords")),
                    "", text(rs, "description"));
            EntryMedia files = null;
            List<Picture> pictures = List.of();
            if (kind == SectionKind.DOCUMENTS) {
                files = file(where, text(rs, "downloadurl"), false)
                        .map(m -> new EntryMedia(null, "", List.of(m.id()))).orElse(EntryMedia.NONE);
            } else if (kind == SectionKind.NEWS && !text(rs, "imgurl").isBlank()) { // the news item's picture
                files = file(where, text(rs, "imgurl"), true).map(m -> new EntryMedia(m.id(), "", List.of())).orElse(null);
            } else if (kind == SectionKind.GALLERY) {
                pictures = pictures(where, title, text(rs, "imgurl"), text(rs, "displayimg"));
                files = pictures.isEmpty() ? EntryMedia.NONE
                        : new EntryMedia(pictures.get(0).media().id(), pictures.get(0).caption(), List.of());
            }
            long hits = rs.getLong("hits");
            List<String> shown = pictures.stream().map(p -> p.media().storedName() + " " + p.caption()).toList();
            Entry saved = save(kindTable, String.valueOf(id), draft, files, KindFields.NONE,
                    Checksums.of(draft, files, shown, column), hits);
            if (kind == SectionKind.GALLERY && !shown.equals(galleries.pictures(saved).stream()
                    .map(p -> p.media().storedName() + " " + p.caption()).toList())) {
                for (GalleryPicture old : galleries.pictures(saved)) {
                    galleries.remove(saved, old.id());
                }
                for (Picture p : pictures) {
                    galleries.add(saved, p.media().storedName(), p.caption());
                }
            }
            if (saved.isPublished()) {
                oldAddresses(column, script, id, mark, filename, saved, filenamesTaken);
            }
        }

        /**
         * An item's own parameters ({@code met_plist}: a product's specifications, a download's
         * version) as a table after its text; a choice stored by its id reads as its value.
         */
        private String parameters(int module, long id, String mark, long columnId) throws SQLException {
            StringBuilder rows = new StringBuilder();
            String sql = "SELECT p.id, p.name, p.access, l.info FROM " + table("plist") + " l JOIN " + table("parameter")
                    + " p ON p.id = l.paraid WHERE l.listid = ? AND l.module = ? ORDER BY p.no_order, p.id";
            try (PreparedStatement s = db.prepareStatement(sql)) {
                s.setLong(1, id);
                s.setInt(2, module);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (access.stricterThanSection(mark, text(rs, "access"), columnId)) {
                            heldBackParameters++; // for members only in MetInfo, where this item is for more
                            continue;
                        }
                        String value = choice(rs.getLong("id"), text(rs, "info").strip());
                        if (!value.isEmpty()) {
                            rows.append("<tr><th scope=\"row\">").append(Html.escape(text(rs, "name"))).append("</th><td>")
                                    .append(Html.escape(value)).append("</td></tr>");
                        }
                    }
                }
            }
            return rows.isEmpty() ? "" : "<table><tbody>" + rows + "</tbody></table>";
        }

        private String choice(long parameter, String info) throws SQLException {
            if (!info.matches("[0-9]{1,9}")) {
                return info;
            }
            try (PreparedStatement s = db.prepareStatement("SELECT value FROM " + table("para") + " WHERE id = ? AND pid = ?")) {
                s.setLong(1, Long.parseLong(info));
                s.setLong(2, parameter);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? text(rs, "value") : info;
                }
            }
        }

        /** The addresses MetInfo gave an item, dynamic and static, redirected to its entry. */
        void oldAddresses(Placed column, String script, long id, String mark, String filename, Entry saved,
                          Set<String> filenamesTaken) {
            String target = sections.byId(saved.sectionId()).orElseThrow().entryPath(saved.language(), saved.slug());
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

        /** An image of a MetInfo gallery item, its file in the media library. */
        record Picture(MediaItem media, String caption) {
        }

        /**
         * The images of a gallery item: its main image ({@code imgurl}), then {@code displayimg}'s
         * "caption*path*size" parts joined by "|".
         */
        private List<Picture> pictures(String where, String title, String imgurl, String displayimg) {
            List<Picture> out = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            List<String[]> parts = new ArrayList<>();
            parts.add(new String[] {title, imgurl});
            for (String part : displayimg.split("\\|")) {
                String[] p = part.split("\\*", -1);
                if (p.length >= 2) {
                    parts.add(new String[] {p[0].isBlank() ? title : p[0], p[1]});
                }
            }
            for (String[] p : parts) {
                if (!p[1].isBlank() && seen.add(p[1].strip())) {
                    file(where, p[1], true).ifPresent(m -> out.add(new Picture(m, shortened(p[0], 1000))));
                }
            }
            return out;
        }

        /**
         * Text with the files it links or shows from MetInfo's {@code upload/} folder carried into the
         * media library and pointed at there ({@code ../upload/a.jpg} would not resolve from a new address).
         */
        String withCarriedFiles(String where, String html) {
            Matcher m = UPLOAD_LINK.matcher(html);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String target = file(where, m.group(2), false).map(f -> "/media/" + f.storedName()).orElse(m.group(2));
                m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + target));
            }
            return m.appendTail(out).toString();
        }

        /**
         * Saves a new or changed item with its files ({@code null}: none chosen) and kind fields;
         * unchanged ones are left alone. Returns the entry as it stands.
         */
        Entry save(String kind, String sourceId, EntryDraft draft, EntryMedia files, KindFields fields, String checksum,
                   long views) {
            Optional<ImportLedger.Mapped> mapped = ledger.find(source, kind, sourceId);
            Optional<Entry> existing = mapped.flatMap(m -> entries.find(m.targetId()));
            if (existing.isPresent() && mapped.get().checksum().equals(checksum)) {
                report.unchanged++;
                if (views > existing.get().viewCount()) { // counted on the old site since; Herald's own count kept
                    entries.setViewCount(existing.get().id(), views);
                }
                return existing.get();
            }
            EntryDraft withId = new EntryDraft(existing.map(Entry::id).orElse(null), null, draft.language(),
                    draft.sectionId(), draft.title(), existing.isPresent() && draft.slug() == null ? existing.get().slug() : draft.slug(),
                    draft.summary(), draft.body(), draft.author(), draft.source(), draft.publishedAt(), draft.status(),
                    draft.featured(), draft.tags(), draft.seoTitle(), draft.seoDescription());
            Entry saved;
            try {
                saved = kinds.save(withId, files, fields, WxrImporter.BY);
            } catch (RuntimeException e) {
                throw new ImportFailed(table(kind) + " id " + sourceId + " ('" + draft.title() + "'): " + e.getMessage(), e);
            }
            if (views > saved.viewCount()) {
                entries.setViewCount(saved.id(), views);
            }
            ledger.put(source, kind, sourceId, saved.id(), null, checksum);
            if (existing.isPresent()) {
                report.updated++;
            } else {
                report.created++;
            }
            return saved;
        }

        /**
         * A file MetInfo keeps under {@code upload/} ({@code ../upload/202101/a.pdf}), put in the media
         * library once per import source; its old address is redirected to the library's. Empty, with
         * a warning, when there is no upload folder, the file is not in it, or the library does not
         * take its type (then it is copied to {@code media/metinfo/} in the data folder, not served).
         */
        Optional<MediaItem> file(String where, String path, boolean image) {
            if (path.isBlank() || path.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                return Optional.empty(); // nothing, or a file elsewhere on the web
            }
            String relative = path.strip().replace('\\', '/').replaceFirst("^(\\./|\\.\\./)+", "").replaceFirst("^/", "")
                    .replaceFirst("^upload/", "");
            report.media++;
            Optional<Long> known = ledger.find(source, "file", relative).map(ImportLedger.Mapped::targetId);
            Optional<MediaItem> carried = known.flatMap(media::find);
            if (carried.isPresent()) {
                return carried.filter(m -> !image || m.isImage());
            }
            if (uploadDir == null) {
                filesLeft++;
                return Optional.empty();
            }
            Path file;
            try {
                Path root = uploadDir.toRealPath();
                file = root.resolve(relative).normalize();
                // real paths: a link planted in upload/ must not carry a file from elsewhere on the server
                if (relative.contains("..") || !Files.isRegularFile(file) || !file.toRealPath().startsWith(root)) {
                    throw new IOException("outside or missing");
                }
            } catch (IOException | java.nio.file.InvalidPathException e) {
                report.warn(where + ": file " + path + " not found in " + uploadDir);
                return Optional.empty();
            }
            MediaItem item;
            try {
                if (Files.size(file) > MediaLibrary.MAX_BYTES) {
                    throw new IllegalArgumentException("it is over " + MediaLibrary.MAX_BYTES / 1024 / 1024 + " MB");
                }
                item = media.store(file.getFileName().toString(), Files.readAllBytes(file), WxrImporter.BY);
            } catch (IllegalArgumentException e) {
                report.warn(where + ": file " + path + " not put in the media library (" + e.getMessage()
                        + "); copied to media/metinfo/" + relative + " in the data folder");
                copies.add(new Path[] {file, properties.dataDir().resolve("media/metinfo").resolve(relative).normalize()});
                return Optional.empty();
            } catch (IOException e) {
                throw new ImportFailed("Cannot read " + file + ": " + e.getMessage(), e);
            }
            stored.add(item);
            ledger.put(source, "file", relative, item.id(), null, "");
            if (SAFE_PATH.matcher(relative).matches()) { // a redirect takes no spaces or other odd characters
                redirect("/upload/" + relative, "/media/" + item.storedName());
            }
            if (image && !item.isImage()) {
                report.warn(where + ": " + path + " is not an image");
                return Optional.empty();
            }
            return Optional.of(item);
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

        void redirect(String oldPath, String target) {
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

    /** Text cut to at most {@code max} characters (MetInfo's columns are wider than some of Herald's fields). */
    static String shortened(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.codePointCount(0, t.length()) <= max ? t : t.substring(0, t.offsetByCodePoints(0, max)).strip();
    }

    static String text(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? "" : value;
    }
}
