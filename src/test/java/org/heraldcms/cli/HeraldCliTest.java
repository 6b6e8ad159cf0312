package org.heraldcms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeraldCliTest {

    @TempDir
    Path dataDir;

    @Test
    void infoDescribesTheSiteOfTheGivenDataFolder() {
        CliRun result = CliRun.of(List.of("--herald.data-dir=" + dataDir), "info");
        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("data folder: " + dataDir.toAbsolutePath(), "language:    en English (default)",
                "entries:     0");
    }

    @Test
    void aFailingCommandExitsNonZeroWithOneLine() {
        CliRun result = CliRun.of(List.of("--herald.data-dir=" + dataDir,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nothing"), "info");
        assertThat(result.status()).isNotZero();
        assertThat(result.err().strip()).startsWith("herald: ").doesNotContain("\n");
    }

    @Test
    void anUnknownCommandIsRefusedWithUsage() {
        CliRun result = CliRun.of(List.of(), "frobnicate");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void helpListsTheCommands() {
        CliRun result = CliRun.of(List.of(), "--help");
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("serve", "info");
    }

    @Test
    void reindexRebuildsTheSearchIndexFromTheDatabase() throws Exception {
        java.nio.file.Files.createDirectories(dataDir.resolve("index"));
        java.nio.file.Files.writeString(dataDir.resolve("index/segments_1"), "garbage");
        CliRun result = CliRun.of(List.of("--herald.data-dir=" + dataDir), "reindex");
        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("indexed 0 entries in ");
        assertThat(org.apache.lucene.index.DirectoryReader.indexExists(
                org.apache.lucene.store.FSDirectory.open(dataDir.resolve("index")))).isTrue();
    }
}
