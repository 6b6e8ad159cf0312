package org.heraldcms.migration;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.heraldcms.migration.internal.CountingInputStream;
import org.heraldcms.platform.HeraldProperties;
import org.heraldcms.platform.Timestamps;
import org.heraldcms.site.Sections;
import org.heraldcms.site.SiteSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backs the whole site up into one zip archive and restores it, on SQLite or PostgreSQL
 * (the archive does not care which). The format is documented in {@code docs/backup-format.md}:
 * {@code herald-backup.json} first, then each table of {@link #TABLES} as NDJSON (rows in a
 * fixed order, so the same content gives the same bytes), the data folder's {@code media/} and
 * {@code themes/}, and {@code summary.json} last (its absence means a truncated archive).
 */
@Service
public class Backups {

    public static final String FORMAT = "herald-backup";
    public static final int VERSION = 1;

    /**
     * The application's tables, parents before children (foreign-key order). A module that adds a
     * table appends its name here and it is backed up and restored with the rest.
     */
    public static final List<String> TABLES = List.of(
            "site", "language", "section", "section_name", "translation_group", "media", "entry", "tag", "entry_tag",
            "revision", "redirect", "import_item", "import_media_ref", "import_account", "page_view_day",
            "app_user", "setup_claim", "audit_event", "entry_trash", "entry_attachment",
            "member_group", "member", "section_access", "form_field", "form_field_label", "form_submission", "form_answer",
            // section kinds (issue 9 part A)
            "entry_expiry", "entry_document", "entry_event", "entry_event_report", "entry_vacancy", "entry_link",
            "gallery_image", "gallery_caption", "revision_kind",
            "password_reset",
            "recovery_code");

    /** Columns that point at a row of their own table: restored in a second pass. */
    private static final Map<String, String> SELF_REFERENCES = Map.of("section", "parent_id");

    /** Folders of the data folder that go into the archive as files. */
    public static final List<String> FOLDERS = List.of("media", "themes");

    private static final long MAX_LINE = 64L * 1024 * 1024;
    private static final int BATCH = 500;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final HeraldProperties properties;
    private final SiteSettings site;
    private final Sections sections;
    private final PlatformTransactionManager transactions;
    private final JsonMapper json = JsonMapper.builder().build();

    Backups(DataSource dataSource, HeraldProperties properties, SiteSettings site, Sections sections,
            PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(500);
        this.properties = properties;
        this.site = site;
        this.sections = sections;
        this.transactions = transactions;
    }

    public record Summary(Map<String, Long> rows, long files, long bytes) {
        public String describe() {
            long total = rows.values().stream().mapToLong(Long::longValue).sum();
            return "%d rows in %d tables (%d entries), %d files".formatted(total, rows.size(),
                    rows.getOrDefault("entry", 0L), files);
        }
    }

    // ---------------------------------------------------------------- backup

    public Summary backup(Path file, ImportProgress progress) {
        if (Files.exists(file)) {
            throw new ImportFailed(file + " already exists; choose a new name");
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        boolean postgres = isPostgres();
        TransactionTemplate read = new TransactionTemplate(transactions);
        read.setReadOnly(true);
        if (postgres) {
            read.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        }
        try {
            Summary summary;
            try (OutputStream out = Files.newOutputStream(partial);
                 ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8)) {
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("format", FORMAT);
                manifest.put("version", VERSION);
                manifest.put("createdAt", Timestamps.now());
                manifest.put("schemaVersion", schemaVersion());
                manifest.put("tables", TABLES);
                putJson(zip, "herald-backup.json", manifest);
                progress.max(TABLES.size() + FOLDERS.size());
                Map<String, Long> rows = snapshot(read, postgres, source -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    int done = 0;
                    for (String table : TABLES) {
                        counts.put(table, writeTable(source, zip, table, postgres));
                        progress.at(++done);
                    }
                    return counts;
                });
                long[] files = new long[2];
                for (String folder : FOLDERS) {
                    writeFolder(zip, folder, files);
                }
                Map<String, Object> end = new LinkedHashMap<>();
                end.put("rows", rows);
                end.put("files", files[0]);
                end.put("bytes", files[1]);
                putJson(zip, "summary.json", end);
                summary = new Summary(rows, files[0], files[1]);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(partial);
            throw new ImportFailed("Cannot write the backup " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    private long writeTable(JdbcTemplate source, ZipOutputStream zip, String table, boolean postgres) {
        try {
            zip.putNextEntry(new ZipEntry("content/" + table + ".ndjson"));
            Writer writer = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
            List<Column> columns = columns(table);
            StringBuilder order = new StringBuilder();
            for (Column c : columns) {
                order.append(order.isEmpty() ? "" : ", ").append(c.name)
                        .append(c.kind == Kind.TEXT && postgres ? " COLLATE \"C\"" : "");
            }
            long[] count = new long[1];
            source.query("SELECT * FROM " + table + " ORDER BY " + order, rs -> {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    Column c = columns.get(i);
                    Object value = switch (c.kind) {
                        case BOOLEAN -> rs.getBoolean(i + 1);
                        case INTEGER -> rs.getLong(i + 1);
                        case TEXT -> rs.getString(i + 1);
                    };
                    row.put(c.name, rs.wasNull() ? null : value);
                }
                try {
                    writer.write(json.writeValueAsString(row));
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
            });
            writer.flush();
            zip.closeEntry();
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the reads on one consistent snapshot. PostgreSQL: a repeatable-read, read-only
     * transaction. SQLite: a connection of its own in deferred mode (the pool's connections begin
     * IMMEDIATE, which would hold the write lock and keep editors waiting for the whole backup);
     * WAL gives it a snapshot while writers go on.
     */
    private <T> T snapshot(TransactionTemplate read, boolean postgres, java.util.function.Function<JdbcTemplate, T> work) {
        if (postgres || !(dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari)
                || !hikari.getJdbcUrl().startsWith("jdbc:sqlite:")) {
            return read.execute(status -> work.apply(jdbc));
        }
        try (Connection c = java.sql.DriverManager.getConnection(hikari.getJdbcUrl())) {
            c.setAutoCommit(false);
            JdbcTemplate own = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true));
            own.setFetchSize(500);
            T result = work.apply(own);
            c.rollback();
            return result;
        } catch (SQLException e) {
            throw new ImportFailed("Cannot read the SQLite database for the backup: " + e.getMessage(), e);
        }
    }

    private void writeFolder(ZipOutputStream zip, String folder, long[] files) throws IOException {
        Path root = properties.dataDir().resolve(folder);
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : paths) {
            String name = folder + "/" + root.relativize(p).toString().replace('\\', '/');
            zip.putNextEntry(new ZipEntry(name));
            files[1] += Files.copy(p, zip);
            zip.closeEntry();
            files[0]++;
        }
    }

    private void putJson(ZipOutputStream zip, String name, Object value) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(json.writeValueAsBytes(value));
        zip.write('\n');
        zip.closeEntry();
    }

    // ---------------------------------------------------------------- restore

    /** Restores an archive into a database that holds no content yet (an empty site is replaced). */
    public Summary restore(Path file, ImportProgress progress) {
        if (!Files.isRegularFile(file)) {
            throw new ImportFailed("There is no backup " + file);
        }
        Long content = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM entry) + (SELECT COUNT(*) FROM section)", Long.class);
        if (content != null && content > 0) {
            throw new ImportFailed("Restore needs an empty site: this database already has sections or entries");
        }
        Path staging = properties.dataDir().resolve(".restoring");
        for (String folder : FOLDERS) {
            if (hasFiles(properties.dataDir().resolve(folder))) {
                throw new ImportFailed("Restore needs an empty data folder: " + folder + "/ is not empty");
            }
        }
        deleteTree(staging);
        TransactionTemplate write = new TransactionTemplate(transactions);
        try {
            progress.max(Files.size(file));
            Summary summary = write.execute(status -> readArchive(file, staging, progress));
            for (String folder : FOLDERS) {
                Path from = staging.resolve(folder);
                if (Files.isDirectory(from)) {
                    deleteTree(properties.dataDir().resolve(folder));
                    Files.move(from, properties.dataDir().resolve(folder));
                }
            }
            deleteTree(staging);
            return summary;
        } catch (IOException e) {
            throw new ImportFailed("Cannot restore " + file.getFileName() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteTree(staging);
            throw e instanceof ImportFailed ? e : new ImportFailed(file.getFileName() + ": " + message(e) + " (nothing was restored)", e);
        } finally {
            site.forget();
            sections.forget();
        }
    }

    private Summary readArchive(Path file, Path staging, ImportProgress progress) {
        String current = "";
        try (InputStream in = Files.newInputStream(file);
             CountingInputStream raw = new CountingInputStream(new java.io.BufferedInputStream(in, 1 << 16));
             ZipInputStream zip = new ZipInputStream(raw, StandardCharsets.UTF_8)) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null) {
                throw new ImportFailed(file.getFileName() + " is not a Herald backup: it is empty or not a zip archive");
            }
            if (!entry.getName().equals("herald-backup.json")) {
                throw new ImportFailed(file.getFileName() + " is not a Herald backup: it starts with " + entry.getName());
            }
            Map<?, ?> manifest = json.readValue(new String(zip.readNBytes(1 << 20), StandardCharsets.UTF_8), Map.class);
            if (!FORMAT.equals(manifest.get("format")) || !(manifest.get("version") instanceof Number v)) {
                throw new ImportFailed(file.getFileName() + " is not a Herald backup (no format/version)");
            }
            if (v.intValue() > VERSION) {
                throw new ImportFailed(file.getFileName() + " is backup format " + v + "; this Herald reads up to " + VERSION);
            }
            for (int i = TABLES.size() - 1; i >= 0; i--) {
                jdbc.update("DELETE FROM " + TABLES.get(i));
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            long files = 0;
            long bytes = 0;
            Map<?, ?> end = null;
            while ((entry = zip.getNextEntry()) != null) {
                current = entry.getName();
                String name = safeName(current);
                if (name.startsWith("content/") && name.endsWith(".ndjson")) {
                    String table = name.substring("content/".length(), name.length() - ".ndjson".length());
                    if (!TABLES.contains(table)) {
                        throw new ImportFailed("unknown table '" + table + "'");
                    }
                    rows.put(table, readTable(zip, table));
                } else if (FOLDERS.stream().anyMatch(f -> name.startsWith(f + "/"))) {
                    if (!entry.isDirectory()) {
                        Path target = staging.resolve(name).normalize();
                        if (!target.startsWith(staging)) {
                            throw new ImportFailed("the path leaves the data folder");
                        }
                        Files.createDirectories(target.getParent());
                        bytes += Files.copy(zip, target);
                        files++;
                    }
                } else if (name.equals("summary.json")) {
                    end = json.readValue(new String(zip.readNBytes(1 << 20), StandardCharsets.UTF_8), Map.class);
                } else {
                    throw new ImportFailed("unexpected entry");
                }
                progress.at(raw.count());
            }
            current = "";
            if (end == null) {
                throw new ImportFailed(file.getFileName() + " is truncated: it ends before summary.json");
            }
            Object expected = end.get("rows");
            if (expected instanceof Map<?, ?> counts) {
                for (Map.Entry<?, ?> e : counts.entrySet()) {
                    long want = ((Number) e.getValue()).longValue();
                    if (rows.getOrDefault(String.valueOf(e.getKey()), -1L) != want) {
                        throw new ImportFailed(file.getFileName() + " is damaged: table " + e.getKey() + " should have "
                                + want + " rows, it has " + rows.getOrDefault(String.valueOf(e.getKey()), 0L));
                    }
                }
            }
            return new Summary(rows, files, bytes);
        } catch (ImportFailed e) {
            throw current.isEmpty() ? e : new ImportFailed(file.getFileName() + ", " + current + ": " + e.getMessage()
                    + " (nothing was restored)", e);
        } catch (EOFException | ZipException e) {
            throw new ImportFailed(file.getFileName() + " is truncated or damaged" + (current.isEmpty() ? "" : " at " + current)
                    + ": " + e.getMessage() + " (nothing was restored)", e);
        } catch (CharacterCodingException e) {
            throw new ImportFailed(file.getFileName() + ", " + current + ": not valid UTF-8 (nothing was restored)", e);
        } catch (JacksonException e) {
            throw new ImportFailed(file.getFileName() + ", " + current + ": not valid JSON: "
                    + e.getOriginalMessage() + " (nothing was restored)", e);
        } catch (IOException e) {
            throw new ImportFailed(file.getFileName() + (current.isEmpty() ? "" : ", " + current) + ": " + e.getMessage()
                    + " (nothing was restored)", e);
        }
    }

    /** Refuses absolute paths, drive letters, backslashes and '..' segments (zip-slip). */
    static String safeName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":") || name.contains("\0")) {
            throw new ImportFailed("unsafe path in the archive");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new ImportFailed("unsafe path in the archive ('..')");
            }
        }
        return name;
    }

    private long readTable(ZipInputStream zip, String table) throws IOException {
        Map<String, Column> byName = new LinkedHashMap<>();
        columns(table).forEach(c -> byName.put(c.name, c));
        String selfRef = SELF_REFERENCES.get(table);
        String key = byName.keySet().iterator().next();
        List<Object[]> deferred = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        List<Column> present = null; // the columns the archive has: absent ones (an older archive) take their defaults
        String sql = null;
        List<Object[]> batch = new ArrayList<>(BATCH);
        long count = 0;
        String line;
        while ((line = boundedLine(reader)) != null) {
            if (line.isBlank()) {
                continue;
            }
            count++;
            Map<?, ?> row = json.readValue(line, Map.class);
            if (present == null) {
                present = new ArrayList<>();
                for (Object name : row.keySet()) {
                    Column c = byName.get(String.valueOf(name));
                    if (c == null) {
                        throw new ImportFailed("row " + count + ": table " + table + " has no column '" + name + "'");
                    }
                    present.add(c);
                }
                sql = "INSERT INTO " + table + " (" + String.join(", ", present.stream().map(c -> c.name).toList())
                        + ") VALUES (" + String.join(", ", present.stream().map(c -> "?").toList()) + ")";
            } else if (row.size() != present.size() || !present.stream().allMatch(c -> row.containsKey(c.name))) {
                throw new ImportFailed("row " + count + " has other columns than the first row");
            }
            Object[] values = new Object[present.size()];
            for (int i = 0; i < present.size(); i++) {
                Column c = present.get(i);
                Object value = row.get(c.name);
                if (value != null) {
                    boolean fits = switch (c.kind) {
                        case BOOLEAN -> value instanceof Boolean;
                        case INTEGER -> value instanceof Number;
                        case TEXT -> value instanceof String;
                    };
                    if (!fits) {
                        throw new ImportFailed("row " + count + ": column " + c.name + " has a value of the wrong type");
                    }
                    if (value instanceof Number n) {
                        value = n.longValue();
                    }
                }
                if (c.name.equals(selfRef) && value != null) {
                    deferred.add(new Object[] {value, row.get(key)});
                    value = null;
                }
                values[i] = value;
            }
            batch.add(values);
            if (batch.size() == BATCH) {
                jdbc.batchUpdate(sql, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            jdbc.batchUpdate(sql, batch);
        }
        if (!deferred.isEmpty()) {
            jdbc.batchUpdate("UPDATE " + table + " SET " + selfRef + " = ? WHERE " + key + " = ?", deferred);
        }
        return count;
    }

    private static String boundedLine(BufferedReader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) != -1) {
            if (c == '\n') {
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new ImportFailed("a row is longer than " + MAX_LINE / (1024 * 1024) + " MB");
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    // ---------------------------------------------------------------- helpers

    private enum Kind { BOOLEAN, INTEGER, TEXT }

    private record Column(String name, Kind kind) {
    }

    private List<Column> columns(String table) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("Not a backed-up table: " + table);
        }
        return jdbc.query("SELECT * FROM " + table + " WHERE 1 = 0", rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            List<Column> out = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String type = String.valueOf(meta.getColumnTypeName(i)).toUpperCase(Locale.ROOT);
                Kind kind = type.contains("BOOL") ? Kind.BOOLEAN : type.contains("INT") ? Kind.INTEGER : Kind.TEXT;
                out.add(new Column(meta.getColumnName(i).toLowerCase(Locale.ROOT), kind));
            }
            return out;
        });
    }

    private boolean isPostgres() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String schemaVersion() {
        return jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL",
                        String.class).stream()
                .max(Comparator.comparing(Backups::versionKey)).orElse("");
    }

    private static String versionKey(String version) {
        StringBuilder key = new StringBuilder();
        for (String part : version.split("\\.")) {
            key.append(String.format("%10s", part)).append('.');
        }
        return key.toString();
    }

    private static boolean hasFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.anyMatch(Files::isRegularFile);
        } catch (IOException e) {
            return true;
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(Backups::deleteQuietly);
        } catch (IOException ignored) {
            // best effort on a staging folder
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
