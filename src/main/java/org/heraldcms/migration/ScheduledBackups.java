package org.heraldcms.migration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Backups on a schedule: {@code herald.backup.cron} (a Spring cron expression, e.g.
 * {@code 0 0 3 * * *} for 03:00 every day; off by default) writes a backup into the
 * {@link BackupFolder}, which keeps the newest {@code herald.backup.keep} (7).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduledBackups {

    private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);

    private final BackupFolder folder;

    ScheduledBackups(BackupFolder folder) {
        this.folder = folder;
    }

    @Scheduled(cron = "${herald.backup.cron:-}")
    void backUp() {
        try {
            BackupFolder.Backup made = folder.backUpNow();
            log.info("Scheduled backup {} ({} bytes)", made.name(), made.bytes());
        } catch (RuntimeException e) {
            log.error("Scheduled backup failed: {}", e.getMessage(), e);
        }
    }
}
