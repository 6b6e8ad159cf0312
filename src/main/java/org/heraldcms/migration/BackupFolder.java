package org.heraldcms.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.heraldcms.platform.HeraldProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The backups kept in {@code DATA/backups/}: made on a schedule or by an admin, named
 * {@code herald-YYYYMMDD-HHMMSS.zip} in UTC, the newest {@code herald.backup.keep} (7) of them kept.
 * Only names of that form are ever read, so a name from a request cannot reach another file.
 */
@Service
public class BackupFolder {

    /** A backup archive in the folder. */
    public record Backup(String name, long bytes, Instant madeAt) {
    }

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'herald-'uuuuMMdd-HHmmss'.zip'");
    private static final Pattern NAMED = Pattern.compile("herald-\\d{8}-\\d{6}(-\\d{1,5})?\\.zip");

    private final Backups backups;
    private final Path folder;
    private final int keep;

    BackupFolder(Backups backups, HeraldProperties properties, @Value("${herald.backup.keep:7}") int keep) {
        this.backups = backups;
        this.folder = properties.dataDir().resolve("backups").toAbsolutePath().normalize();
        this.keep = Math.max(1, keep);
    }

    /** Writes a new backup now and drops the oldest beyond the number kept. */
    public synchronized Backup backUpNow() {
        try {
            Files.createDirectories(folder);
            String base = NAME.format(LocalDateTime.now(ZoneOffset.UTC)); // UTC: names keep their order across clock changes
            // more in the same second are numbered after the last one, so names keep their order
            int last = list().stream().filter(b -> b.name().startsWith(base.substring(0, 22)))
                    .mapToInt(b -> number(b.name())).max().orElse(0);
            Path file = folder.resolve(last == 0 ? base : base.replace(".zip", "-" + (last + 1) + ".zip"));
            backups.backup(file, ImportProgress.NONE); // written aside and moved in place when whole
            prune();
            return describe(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a backup into " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The backups kept, newest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> NAMED.matcher(p.getFileName().toString()).matches()).map(this::describe)
                    .sorted(Comparator.comparing((Backup b) -> order(b.name())).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of a kept backup, by its exact name. */
    public Optional<Path> file(String name) {
        if (name == null || !NAMED.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(name).normalize();
        return file.getParent().equals(folder) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The time in the name, then the number a second backup in the same second got ({@code -2}). */
    private static String order(String name) {
        return name.substring(7, 22) + "%06d".formatted(number(name));
    }

    private static int number(String name) {
        var m = NAMED.matcher(name);
        return m.matches() && m.group(1) != null ? Integer.parseInt(m.group(1).substring(1)) : 1;
    }

    private void prune() throws IOException {
        List<Backup> all = list();
        for (Backup old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(folder.resolve(old.name()));
        }
    }

    private Backup describe(Path file) {
        try {
            return new Backup(file.getFileName().toString(), Files.size(file), Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
