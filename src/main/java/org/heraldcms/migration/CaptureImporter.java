package org.heraldcms.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.migration.internal.Checksums;
import org.heraldcms.migration.internal.ImportLedger;
import org.heraldcms.migration.internal.ReportBuilder;
import org.heraldcms.site.NewSection;
import org.heraldcms.site.Section;
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
 * Imports pages captured from an old site ({@link CapturedPageParser}) into one section, in
 * one transaction. A capture with its metadata line is published at its date (in the site's
 * time zone); one without is imported "published now" with status review, to be looked at.
 * A top-level section that does not exist yet (a new site) is created as a news section.
 */
@Service
public class CaptureImporter {

    /** A capture is a page of text; anything bigger is not one. */
    public static final long MAX_BYTES = 4L * 1024 * 1024;

    private final Entries entries;
    private final Sections sections;
    private final SiteSettings site;
    private final ImportLedger ledger;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CaptureImporter(Entries entries, Sections sections, SiteSettings site, ImportLedger ledger,
                    PlatformTransactionManager transactions, Optional<Clock> clock) {
        this.entries = entries;
        this.sections = sections;
        this.site = site;
        this.ledger = ledger;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public ImportReport importPath(Path path, String language, String sectionPath, ImportProgress progress) {
        Site current = site.current();
        if (current.languages().stream().noneMatch(l -> l.tag().equals(language))) {
            throw new ImportFailed("The site has no language '" + language + "'");
        }
        String cleanPath = sectionPath.replaceAll("^/+|/+$", "");
        Optional<Section> existing = sections.byPath(language, cleanPath);
        if (existing.isEmpty() && (!Slugs.isValid(cleanPath) || Sections.RESERVED_SLUGS.contains(cleanPath))) {
            throw new ImportFailed("There is no section /" + language + "/" + cleanPath + "/");
        }
        List<Path> files = files(path);
        progress.max(files.size());
        String source = "capture:" + language + "/" + cleanPath;
        try {
            return transaction.execute(status -> {
                ReportBuilder report = new ReportBuilder();
                Section section = existing.orElseGet(() -> {
                    // a new site has no sections yet: a top-level news section of that name is made
                    report.sectionsCreated++;
                    report.warn("section /" + language + "/" + cleanPath + "/ created");
                    String name = Character.toUpperCase(cleanPath.charAt(0)) + cleanPath.substring(1).replace('-', ' ');
                    return sections.create(new NewSection(null, SectionKind.NEWS, sections.all().size(), true,
                            Map.of(language, name), Map.of(language, cleanPath)));
                });
                int done = 0;
                for (Path file : files) {
                    importOne(file, path, language, section, current.timeZone(), source, report);
                    progress.at(++done);
                }
                return report.build(source);
            });
        } catch (ImportFailed e) {
            throw new ImportFailed(e.getMessage() + " (nothing was imported)", e);
        } finally {
            sections.forget();
        }
    }

    private void importOne(Path file, Path root, String language, Section section, ZoneId zone, String source,
                           ReportBuilder report) {
        String name = Files.isDirectory(root) ? root.relativize(file).toString().replace('\\', '/') : file.getFileName().toString();
        String text = read(file, name);
        CapturedPage page;
        try {
            page = CapturedPageParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ImportFailed(name + ": " + e.getMessage());
        }
        if (page.paragraphs().isEmpty()) {
            report.warn(name + ": the capture has a title but no text");
        }
        Instant publishedAt = page.publishedAt().map(t -> t.atZone(zone).toInstant()).orElse(null);
        EntryStatus status = page.hasMetadata() ? EntryStatus.PUBLISHED : EntryStatus.REVIEW;
        if (!page.hasMetadata()) {
            report.warn(name + ": no date line; imported for review");
        }
        String checksum = Checksums.of(page, section.id());
        Optional<ImportLedger.Mapped> mapped = ledger.find(source, "capture", name);
        Optional<Entry> existing = mapped.flatMap(m -> entries.find(m.targetId()));
        if (existing.isPresent() && mapped.get().checksum().equals(checksum)) {
            report.unchanged++;
            return;
        }
        if (publishedAt == null) {
            publishedAt = existing.map(Entry::publishedAt).orElse(clock.instant());
        }
        EntryDraft draft = new EntryDraft(existing.map(Entry::id).orElse(null), null, language, section.id(),
                page.title(), existing.map(Entry::slug).orElse(null),
                page.paragraphs().isEmpty() ? "" : page.paragraphs().get(0), Html.paragraphs(page.paragraphs()),
                page.author(), page.source(), publishedAt, status, false,
                existing.map(e -> e.tags().stream().map(org.heraldcms.content.Tag::name).toList()).orElse(List.of()), "", "");
        Entry saved;
        try {
            saved = entries.save(draft, WxrImporter.BY);
        } catch (RuntimeException e) {
            throw new ImportFailed(name + ": " + e.getMessage(), e);
        }
        ledger.put(source, "capture", name, saved.id(), null, checksum);
        if (existing.isPresent()) {
            report.updated++;
        } else {
            report.created++;
        }
    }

    private static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new ImportFailed("There is no file or folder " + path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new ImportFailed("Cannot list " + path + ": " + e.getMessage(), e);
        }
    }

    /** The file as strict UTF-8 (a byte-order mark dropped); too big or not UTF-8 is an error naming the file. */
    static String read(Path file, String name) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ImportFailed(name + ": " + Files.size(file) + " bytes is too big for a page capture (at most "
                        + MAX_BYTES + ")");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ImportFailed(name + ": not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new ImportFailed(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
