package org.heraldcms.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CapturedPageParserTest {

    private static final Path SHARED_FIXTURE = Path.of("../shared/fixtures/sco-un-interactive-consultations.txt");

    @Test
    void readsTheCapturedArticle() {
        CapturedPage page = CapturedPageParser.parse(DemoSite.readCapture());

        assertThat(page.title()).isEqualTo("Interactive Consultations Held Between SCO and UN Secretariats");
        assertThat(page.publishedAt()).contains(LocalDateTime.of(2021, 5, 27, 15, 3, 1));
        assertThat(page.author()).isEqualTo("admin");
        assertThat(page.source()).isEmpty();
        assertThat(page.paragraphs()).hasSize(11);
        assertThat(page.paragraphs().get(0)).startsWith("On 17 May 2021, an interactive online dialogue was held, at\u00a0the UN");
        assertThat(page.paragraphs()).noneMatch(p -> p.contains("MetInfo"));
        assertThat(page.paragraphs().get(10)).endsWith("Resolution 75/69 of\u00a016 April 2021.");
    }

    @Test
    void keepsEveryNoBreakSpace() {
        String text = DemoSite.readCapture();
        CapturedPage page = CapturedPageParser.parse(text);
        long inCapture = text.chars().filter(c -> c == '\u00a0').count();
        long kept = page.paragraphs().stream().flatMapToInt(String::chars).filter(c -> c == '\u00a0').count();
        assertThat(kept).isEqualTo(inCapture).isGreaterThan(50);
    }

    @Test
    void theBundledCaptureIsTheSharedFixture() throws IOException {
        Assumptions.assumeTrue(Files.exists(SHARED_FIXTURE), "../shared/fixtures is absent: nothing to compare with");
        assertThat(DemoSite.readCapture()).isEqualTo(Files.readString(SHARED_FIXTURE));
    }

    @Test
    void aCaptureWithoutItsMetadataLineStillReads() {
        CapturedPage page = CapturedPageParser.parse("A title\n\nFirst paragraph\ncontinues here.\n\n\nSecond.\nPowered by MetInfo 5.3\n");
        assertThat(page.hasMetadata()).isFalse();
        assertThat(page.title()).isEqualTo("A title");
        assertThat(page.paragraphs()).containsExactly("First paragraph continues here.", "Second.");
    }

    @Test
    void readsASourceAndShortTimes() {
        CapturedPage page = CapturedPageParser.parse("T\n2020-01-02 9:05 Jane Doe source: Xinhua share:\n\nBody");
        assertThat(page.publishedAt()).contains(LocalDateTime.of(2020, 1, 2, 9, 5));
        assertThat(page.author()).isEqualTo("Jane Doe");
        assertThat(page.source()).isEqualTo("Xinhua");
    }

    @Test
    void anEmptyCaptureIsRefusedWithAReason() {
        assertThatThrownBy(() -> CapturedPageParser.parse(" \n\n")).hasMessageContaining("no title");
    }
}
