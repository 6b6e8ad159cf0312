package org.heraldcms.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.site.Sections;
import org.heraldcms.support.Fixtures;
import org.heraldcms.support.RunningHerald;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureImportTest {

    @TempDir
    Path dataDir;

    @Test
    void theCapturedArticleReproducesTheDemoEntryExactly() {
        Path capture = Fixtures.require("sco-un-interactive-consultations.txt");
        try (RunningHerald herald = RunningHerald.offline(dataDir)) {
            Entries entries = herald.bean(Entries.class);
            long news = herald.bean(Sections.class).byPath("en", "news").orElseThrow().id();
            Entry demo = entries.findBySlug("en", news, "interactive-consultations-held-between-sco-and-un-secretariats")
                    .orElseThrow();

            ImportReport report = herald.bean(CaptureImporter.class).importPath(capture, "en", "news", ImportProgress.NONE);
            assertThat(report.created()).isEqualTo(1);
            Entry imported = entries.findBySlug("en", news, demo.slug() + "-2").orElseThrow();
            assertThat(imported.title()).isEqualTo(demo.title());
            assertThat(imported.publishedAt()).isEqualTo(demo.publishedAt());
            assertThat(imported.author()).isEqualTo(demo.author());
            assertThat(imported.source()).isEqualTo(demo.source());
            assertThat(imported.summary()).isEqualTo(demo.summary());
            assertThat(imported.body()).isEqualTo(demo.body()).contains("\u00A0");
            assertThat(imported.status()).isEqualTo(EntryStatus.PUBLISHED);

            ImportReport again = herald.bean(CaptureImporter.class).importPath(capture, "en", "news", ImportProgress.NONE);
            assertThat(again.unchanged()).isEqualTo(1);
            assertThat(again.created()).isZero();
        }
    }

    @Test
    void aFolderImportsCapturesWithoutMetadataForReviewAndRefusesBadFilesWhole() throws IOException {
        Path folder = Files.createDirectories(dataDir.resolve("captures"));
        Files.writeString(folder.resolve("a.txt"), "Plain page\n\nJust a paragraph.\n\nPowered by MetInfo 7.2.0\n");
        Files.writeString(folder.resolve("b.txt"), "Dated\n\n2020-03-04 10:00:00 editor source: Press share:\n\nText.\n");
        try (RunningHerald herald = RunningHerald.offline(dataDir.resolve("site"))) {
            CaptureImporter importer = herald.bean(CaptureImporter.class);
            ImportReport report = importer.importPath(folder, "en", "news", ImportProgress.NONE);
            assertThat(report.created()).isEqualTo(2);
            assertThat(report.warnings()).anyMatch(w -> w.startsWith("a.txt: no date line"));
            long news = herald.bean(Sections.class).byPath("en", "news").orElseThrow().id();
            Entry plain = herald.bean(Entries.class).findBySlug("en", news, "plain-page").orElseThrow();
            assertThat(plain.status()).isEqualTo(EntryStatus.REVIEW);
            assertThat(plain.publishedAt()).isNotNull();
            assertThat(plain.body()).isEqualTo("<p>Just a paragraph.</p>\n");

            long before = herald.bean(Entries.class).count();
            Files.write(folder.resolve("c.txt"), new byte[] {'T', 'i', (byte) 0xFF, '\n'});
            Files.writeString(folder.resolve("a.txt"), "Plain page changed\n\nNew text.\n");
            assertThatThrownBy(() -> importer.importPath(folder, "en", "news", ImportProgress.NONE))
                    .isInstanceOf(ImportFailed.class).hasMessage("c.txt: not valid UTF-8 text (nothing was imported)");
            assertThat(herald.bean(Entries.class).count()).isEqualTo(before);
            assertThat(herald.bean(Entries.class).find(plain.id()).orElseThrow().title()).isEqualTo("Plain page");
            assertThatThrownBy(() -> importer.importPath(folder, "en", "news/nowhere", ImportProgress.NONE))
                    .hasMessage("There is no section /en/news/nowhere/");
            assertThatThrownBy(() -> importer.importPath(folder, "en", "tags", ImportProgress.NONE))
                    .hasMessage("There is no section /en/tags/");
        }
    }

    @Test
    void aNewSiteGetsTheSectionItImportsInto() throws IOException {
        Path capture = Files.writeString(dataDir.resolve("one.txt"), "Hello\n\n2020-01-02 03:04 ed\n\nText.\n");
        try (RunningHerald herald = RunningHerald.start(dataDir.resolve("site"), "--herald.demo-content=false")) {
            ImportReport report = herald.bean(CaptureImporter.class).importPath(capture, "en", "press-releases",
                    ImportProgress.NONE);
            assertThat(report.sectionsCreated()).isEqualTo(1);
            assertThat(herald.get("/en/press-releases/hello").statusCode()).isEqualTo(200);
            assertThat(herald.get("/en/press-releases/").body()).contains("Press releases");
        }
    }
}
