package org.heraldcms.migration;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.content.Redirects;
import org.heraldcms.migration.internal.AutoP;
import org.heraldcms.migration.internal.Checksums;
import org.heraldcms.migration.internal.CountingInputStream;
import org.heraldcms.migration.internal.ImportLedger;
import org.heraldcms.migration.internal.ReportBuilder;
import org.heraldcms.migration.internal.WxrReader;
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
 * Imports a WordPress export (WXR 1.0–1.2) into one language of the site, in one
 * transaction: categories become sections (with their parents), posts entries in their
 * first category's section (further categories and tags become tags), pages entries in a
 * "Pages" section (their parent page kept in the import ledger), attachments media
 * references; old permalinks ({@code /?p=ID}, {@code /?page_id=ID}, each item's link) redirect
 * to the new addresses. Running it again updates what changed and duplicates nothing.
 */
@Service
public class WxrImporter {

    static final String BY = "import";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final Entries entries;
    private final Sections sections;
    private final SiteSettings site;
    private final Redirects redirects;
    private final ImportLedger ledger;
    private final TransactionTemplate transaction;

    WxrImporter(Entries entries, Sections sections, SiteSettings site, Redirects redirects, ImportLedger ledger,
                PlatformTransactionManager transactions) {
        this.entries = entries;
        this.sections = sections;
        this.site = site;
        this.redirects = redirects;
        this.ledger = ledger;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @param language the site language to import into; null for the export's own {@code <language>} when the
     *                 site has it, else the site's default language
     */
    public ImportReport importFile(Path file, String language, ImportProgress progress) {
        if (!Files.isRegularFile(file)) {
            throw new ImportFailed("There is no file " + file);
        }
        Site current = site.current();
        String lang = language;
        if (lang != null && current.languages().stream().noneMatch(l -> l.tag().equals(language))) {
            throw new ImportFailed("The site has no language '" + lang + "'");
        }
        try {
            return transaction.execute(status -> run(file, lang, current.timeZone(), progress));
        } catch (WxrReader.WxrException e) {
            throw new ImportFailed(file.getFileName() + ": " + e.getMessage() + " (nothing was imported)", e);
        } catch (ImportFailed e) {
            throw new ImportFailed(e.getMessage() + " (nothing was imported)", e);
        } finally {
            sections.forget();
        }
    }

    private ImportReport run(Path file, String lang, ZoneId zone, ImportProgress progress) {
        try (InputStream raw = Files.newInputStream(file);
             CountingInputStream counting = new CountingInputStream(new BufferedInputStream(raw, 1 << 16))) {
            progress.max(Files.size(file));
            Run run = new Run(file, lang, zone, counting, progress);
            new WxrReader(counting).read(run);
            run.finish();
            progress.at(Files.size(file));
            return run.report.build(run.source());
        } catch (IOException e) {
            throw new ImportFailed(file.getFileName() + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** One import: the channel's terms and authors, then items as they stream past. */
    private final class Run implements WxrReader.Handler {

        final Path file;
        String lang;
        final ZoneId zone;
        final CountingInputStream counting;
        final ImportProgress progress;
        final ReportBuilder report = new ReportBuilder();
        final Map<String, String> channel = new HashMap<>();
        final Map<String, String> authors = new HashMap<>();
        final Map<String, WxrReader.Term> categories = new LinkedHashMap<>();
        final Map<String, Long> categorySections = new HashMap<>();
        boolean categoriesDone;
        int position;

        Run(Path file, String lang, ZoneId zone, CountingInputStream counting, ImportProgress progress) {
            this.file = file;
            this.lang = lang;
            this.zone = zone;
            this.counting = counting;
            this.progress = progress;
        }

        String source() {
            String base = channel.getOrDefault("base_site_url", channel.getOrDefault("link", ""));
            return "wxr:" + (base.isBlank() ? file.getFileName().toString() : base);
        }

        @Override
        public void channel(String key, String value) {
            channel.putIfAbsent(key, value);
        }

        @Override
        public void author(WxrReader.Author author) {
            authors.put(author.login(), author.displayName());
        }

        @Override
        public void category(WxrReader.Term term) {
            if (term.domain().equals("category") && !term.slug().isBlank()) {
                categories.put(term.slug(), term);
            }
        }

        @Override
        public void item(WxrReader.Item item) {
            chooseLanguage();
            createCategories();
            switch (item.postType()) {
                case "post", "page" -> entry(item);
                case "attachment" -> attachment(item);
                default -> {
                    report.skipped++;
                    report.warn("item " + item.postId() + " (" + item.postType() + ") skipped: not a post, page or attachment");
                }
            }
            progress.at(counting.count());
        }

        void finish() {
            chooseLanguage();
            createCategories();
            ledger.linkParents(source(), "page");
        }

        /** Without --lang: the export's language (en-US → en) if the site has it, else the site's default. */
        private void chooseLanguage() {
            if (lang != null) {
                return;
            }
            Site current = site.current();
            String exported = channel.getOrDefault("language", "").toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            lang = current.languages().stream().map(l -> l.tag())
                    .filter(t -> !exported.isEmpty() && (t.equals(exported) || exported.startsWith(t + "-")))
                    .findFirst().orElse(current.defaultLanguage().tag());
        }

        private void createCategories() {
            if (categoriesDone) {
                return;
            }
            categoriesDone = true;
            for (String slug : categories.keySet()) {
                categorySection(slug, new HashSet<>());
            }
        }

        private long categorySection(String slug, Set<String> seen) {
            Long known = categorySections.get(slug);
            if (known != null) {
                return known;
            }
            WxrReader.Term term = categories.get(slug);
            if (term == null) {
                term = new WxrReader.Term("category", slug, slug, "");
                categories.put(slug, term);
            }
            Long parent = null;
            if (!term.parentSlug().isBlank() && seen.add(slug)) {
                parent = categorySection(term.parentSlug(), seen);
            }
            long id = section("category:" + slug, parent, SectionKind.NEWS, term.name().isBlank() ? slug : term.name(), slug);
            categorySections.put(slug, id);
            return id;
        }

        /** The section an item of the old site maps to, made on first use; an existing one at that address is reused. */
        private long section(String key, Long parentId, SectionKind kind, String name, String wantedSlug) {
            Optional<ImportLedger.Mapped> mapped = ledger.find(source(), "section", key);
            if (mapped.isPresent() && sections.byId(mapped.get().targetId()).filter(s -> s.in(lang).isPresent()).isPresent()) {
                return mapped.get().targetId();
            }
            String slug = slugOr(wantedSlug, name, "section-" + (position + 1));
            if (parentId == null && Sections.RESERVED_SLUGS.contains(slug)) {
                slug = "category-" + slug;
            }
            String path = parentId == null ? slug
                    : sections.byId(parentId).orElseThrow().in(lang).orElseThrow().path() + "/" + slug;
            Optional<Section> existing = sections.byPath(lang, path);
            long id;
            if (existing.isPresent()) {
                id = existing.get().id();
            } else {
                id = sections.create(new NewSection(parentId, kind, position++, false, Map.of(lang, name),
                        Map.of(lang, slug))).id();
                report.sectionsCreated++;
            }
            ledger.put(source(), "section", key, id, null, "");
            return id;
        }

        private void entry(WxrReader.Item item) {
            boolean page = item.postType().equals("page");
            long sectionId;
            List<String> tags = new ArrayList<>();
            Long primary = null;
            boolean typed = item.terms().stream().anyMatch(t -> !t.domain().isEmpty());
            for (WxrReader.Term named : item.terms()) {
                WxrReader.Term term = named;
                if (term.domain().isEmpty()) {
                    if (typed) {
                        continue; // the same categories again, in the old form
                    }
                    term = categories.values().stream().filter(c -> c.name().equals(named.name())).findFirst()
                            .map(c -> new WxrReader.Term("category", c.slug(), c.name(), ""))
                            .orElse(new WxrReader.Term("post_tag", "", named.name(), ""));
                }
                if (term.domain().equals("category") && !term.slug().isBlank()) {
                    if (primary == null && !page) {
                        primary = categorySection(term.slug(), new HashSet<>());
                    } else {
                        tags.add(term.name());
                    }
                } else if (term.domain().equals("post_tag")) {
                    tags.add(term.name());
                }
            }
            if (page) {
                sectionId = section("pages", null, SectionKind.PAGE, "Pages", "pages");
            } else {
                sectionId = primary != null ? primary : section("posts", null, SectionKind.NEWS, "Posts", "posts");
            }
            EntryStatus status = status(item.status());
            String title = item.title().isBlank() ? "Untitled " + item.postType() + " " + item.postId() : item.title();
            String author = authors.getOrDefault(item.creator(), item.creator());
            String checksum = Checksums.of(item, sectionId, lang);
            Optional<ImportLedger.Mapped> mapped = ledger.find(source(), item.postType(), item.postId());
            Optional<Entry> existing = mapped.flatMap(m -> entries.find(m.targetId()));
            Entry saved;
            if (existing.isPresent() && mapped.get().checksum().equals(checksum)) {
                report.unchanged++;
                saved = existing.get();
            } else {
                EntryDraft draft = new EntryDraft(existing.map(Entry::id).orElse(null), null, lang, sectionId, title,
                        slug(item.postName()), item.excerpt(), AutoP.apply(item.content()), author, "",
                        publishedAt(item), status, item.sticky(), tags, "", "");
                try {
                    saved = entries.save(draft, BY);
                } catch (RuntimeException e) {
                    throw new ImportFailed(file.getFileName() + ": item " + item.postId() + " ('" + title + "'): "
                            + e.getMessage(), e);
                }
                if (existing.isPresent()) {
                    report.updated++;
                } else {
                    report.created++;
                }
                ledger.put(source(), item.postType(), item.postId(), saved.id(),
                        page && !item.parentId().equals("0") ? item.parentId() : null, checksum);
            }
            if (saved.isPublished()) {
                String target = sections.byId(saved.sectionId()).orElseThrow().entryPath(lang, saved.slug());
                redirect("/?p=" + item.postId(), target);
                if (page) {
                    redirect("/?page_id=" + item.postId(), target);
                }
                oldPath(item.link()).ifPresent(old -> redirect(old, target));
            }
        }

        private void redirect(String oldPath, String target) {
            if (!oldPath.equals(target) && !redirects.target(oldPath).filter(target::equals).isPresent()) {
                redirects.add(oldPath, target, "wxr");
                report.redirects++;
            }
        }

        private void attachment(WxrReader.Item item) {
            String url = item.attachmentUrl().isBlank() ? item.link() : item.attachmentUrl();
            Long entryId = null;
            if (!item.parentId().equals("0")) {
                entryId = ledger.find(source(), "post", item.parentId())
                        .or(() -> ledger.find(source(), "page", item.parentId()))
                        .map(ImportLedger.Mapped::targetId).orElse(null);
            }
            ledger.putMedia(source(), item.postId(), entryId, url, item.title(), "");
            report.media++;
        }

        private Instant publishedAt(WxrReader.Item item) {
            Optional<LocalDateTime> gmt = wpDate(item.postDateGmt());
            if (gmt.isPresent()) {
                return gmt.get().toInstant(ZoneOffset.UTC);
            }
            if (Set.of("draft", "auto-draft", "pending").contains(item.status())) {
                return null; // a zero GMT date on an unpublished item: no publish date chosen yet
            }
            return wpDate(item.postDate()).map(local -> local.atZone(zone).toInstant()).orElse(null);
        }

        private EntryStatus status(String wp) {
            return switch (wp) {
                case "publish" -> EntryStatus.PUBLISHED;
                case "future" -> EntryStatus.SCHEDULED;
                case "pending" -> EntryStatus.REVIEW;
                case "trash" -> EntryStatus.ARCHIVED;
                default -> EntryStatus.DRAFT; // draft, auto-draft, private: not public
            };
        }
    }

    private static Optional<LocalDateTime> wpDate(String text) {
        if (text == null || text.isBlank() || text.startsWith("0000-00-00")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.strip(), WP_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String slug(String postName) {
        if (postName == null || postName.isBlank()) {
            return null;
        }
        String decoded = URLDecoder.decode(postName, StandardCharsets.UTF_8);
        if (Slugs.isValid(decoded)) {
            return decoded;
        }
        String derived = Slugs.of(decoded);
        return derived.isEmpty() ? null : derived;
    }

    static String slugOr(String wanted, String name, String fallback) {
        if (wanted != null) {
            String decoded = URLDecoder.decode(wanted, StandardCharsets.UTF_8);
            if (Slugs.isValid(decoded)) {
                return decoded;
            }
        }
        String derived = Slugs.of(name);
        return derived.isEmpty() ? fallback : derived;
    }

    /** The path and query of an old absolute link, if it is one worth keeping. */
    static Optional<String> oldPath(String link) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(link.strip());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery();
            String old = query == null ? path : path + "?" + query;
            return old.equals("/") || old.length() > 2000 ? Optional.empty() : Optional.of(old);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
