package org.heraldcms.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import org.heraldcms.platform.HeraldProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Backups on a schedule: {@code herald.backup.cron} (a Spring cron expression, e.g.
 * {@code 0 0 3 * * *} for 03:00 every day; off by default) writes
 * {@code DATA/backups/herald-YYYYMMDD-HHMMSS.zip} and keeps the newest
 * {@code herald.backup.keep} (7) of them.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduledBackups {

    private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'herald-'uuuuMMdd-HHmmss'.zip'");

    private final Backups backups;
    private final HeraldProperties properties;
    private final int keep;

    ScheduledBackups(Backups backups, HeraldProperties properties, @Value("${herald.backup.keep:7}") int keep) {
        this.backups = backups;
        this.properties = properties;
        this.keep = Math.max(1, keep);
    }

    @Scheduled(cron = "${herald.backup.cron:-}")
    void backUp() {
        Path folder = properties.dataDir().resolve("backups");
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(NAME.format(LocalDateTime.now()));
            Backups.Summary summary = backups.backup(file, ImportProgress.NONE);
            log.info("Scheduled backup {}: {}", file, summary.describe());
            prune(folder);
        } catch (IOException | RuntimeException e) {
            log.error("Scheduled backup failed: {}", e.getMessage(), e);
        }
    }

    private void prune(Path folder) throws IOException {
        List<Path> old;
        try (Stream<Path> files = Files.list(folder)) {
            old = files.filter(p -> p.getFileName().toString().matches("herald-\\d{8}-\\d{6}\\.zip"))
                    .sorted().toList();
        }
        for (int i = 0; i < old.size() - keep; i++) {
            Files.deleteIfExists(old.get(i));
        }
    }
}
