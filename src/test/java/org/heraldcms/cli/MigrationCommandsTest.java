package org.heraldcms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.heraldcms.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationCommandsTest {

    @TempDir
    Path dir;

    @Test
    void importBackupAndRestoreFromTheCommandLine() {
        Path wxr = Fixtures.require("wxr/wordpress-develop_small-export.xml");
        List<String> site = List.of("--herald.data-dir=" + dir.resolve("a"));
        CliRun imported = CliRun.of(site, "import", "wxr", wxr.toString());
        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("wxr:http://localhost/: 11 created, 0 updated, 0 unchanged, 0 skipped");
        assertThat(CliRun.of(site, "import", "wxr", wxr.toString()).out()).contains("0 created, 0 updated, 11 unchanged");

        Path archive = dir.resolve("site.zip");
        CliRun backup = CliRun.of(site, "backup", archive.toString());
        assertThat(backup.status()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("(11 entries)");
        CliRun restore = CliRun.of(List.of("--herald.data-dir=" + dir.resolve("b")), "restore", archive.toString());
        assertThat(restore.status()).as(restore.err()).isZero();
        assertThat(restore.out()).startsWith("restored ");
        assertThat(CliRun.of(List.of("--herald.data-dir=" + dir.resolve("b")), "info").out()).contains("entries:     11");
    }

    @Test
    void aFailedImportExitsNonZeroWithOneLineNamingTheFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("broken.xml"), "<rss><channel><item><title>x</channel></rss>");
        CliRun result = CliRun.of(List.of("--herald.data-dir=" + dir.resolve("a")), "import", "wxr", bad.toString());
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err().lines().filter(l -> l.startsWith("herald: ")).toList()).singleElement()
                .asString().contains("broken.xml: line 1").contains("nothing was imported");
        CliRun missing = CliRun.of(List.of("--herald.data-dir=" + dir.resolve("a")), "restore", dir.resolve("none.zip").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("herald: There is no backup");
    }
}
