package org.heraldcms.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.kinds.DocumentFields;
import org.heraldcms.kinds.Documents;
import org.heraldcms.media.Attachment;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.publishing.internal.Pages;
import org.heraldcms.site.Language;
import org.heraldcms.site.Section;
import org.heraldcms.site.Sections;
import org.heraldcms.site.Site;
import org.heraldcms.site.SiteSettings;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Stable addresses of official documents by symbol, whatever their section or slug:
 * {@code /en/symbol/A/RES/75/69} shows the document's page (its canonical link is the entry's
 * own address) and {@code /en/symbol/A/RES/75/69.pdf} is its file in that language, downloaded
 * as {@code A_RES_75_69-en.pdf} ({@code .docx}, {@code .odt}…: whatever its file's extension; any
 * other answers 404). Only well-formed symbols are looked up (letters, digits, inner dots and
 * hyphens, slashes), so {@code ..}, encoded characters or quotes end as 404.
 */
@Controller
class DocumentSymbols {

    private final SiteSettings settings;
    private final Sections sections;
    private final Entries entries;
    private final Documents documents;
    private final MediaLibrary media;
    private final Pages pages;

    DocumentSymbols(SiteSettings settings, Sections sections, Entries entries, Documents documents, MediaLibrary media,
                    Pages pages) {
        this.settings = settings;
        this.sections = sections;
        this.entries = entries;
        this.documents = documents;
        this.media = media;
        this.pages = pages;
    }

    @GetMapping("/" + PublicSite.LANGUAGE + "/symbol/{*symbol}")
    ResponseEntity<?> symbol(@PathVariable String lang, @PathVariable String symbol) {
        Site site = settings.current();
        Language language = site.language(lang).orElseThrow(DocumentSymbols::notFound);
        String wanted = symbol.startsWith("/") ? symbol.substring(1) : symbol;
        String extension = null;
        int dot = wanted.lastIndexOf('.');
        if (dot > 0) {
            String ext = wanted.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (MediaLibrary.isStoredExtension(ext)) {
                extension = ext;
                wanted = wanted.substring(0, dot);
            }
        }
        Entry entry = documents.bySymbol(lang, wanted).flatMap(entries::find).orElseThrow(DocumentSymbols::notFound);
        Section section = sections.byId(entry.sectionId()).filter(s -> s.in(lang).isPresent())
                .orElseThrow(DocumentSymbols::notFound);
        if (extension == null) {
            return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                    .body(pages.entry(site, language, section, entry));
        }
        DocumentFields fields = documents.of(entry.id()).orElseThrow(DocumentSymbols::notFound);
        if (!fields.mediaName().endsWith("." + extension)) {
            throw notFound();
        }
        var file = media.file(fields.mediaName()).orElseThrow(DocumentSymbols::notFound);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(MediaLibrary.contentType(fields.mediaName())))
                .header(HttpHeaders.CONTENT_DISPOSITION, Attachment.header(fields.fileName(lang, extension)))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache())
                .body(bytes);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
