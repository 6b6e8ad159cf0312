package org.heraldcms.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.heraldcms.media.internal.FileType;
import org.heraldcms.media.internal.ImageVariants;
import org.heraldcms.platform.HeraldProperties;
import org.heraldcms.platform.Ids;
import org.heraldcms.platform.Timestamps;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Uploads: the type is recognised from the bytes against an allow-list ({@link FileType}: JPEG, PNG
 * and GIF images, PDF, Word, Excel, PowerPoint and OpenDocument files without macros, zip archives),
 * the size is limited, the file is stored under {@code DATA/media/} by a random name with its type's
 * extension, images get resized variants. Files are addressed only by their stored names, which are
 * checked against a strict pattern.
 */
@Service
public class MediaLibrary {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final Pattern STORED = Pattern.compile("[0-9a-f]{32}(-(320|768|1600))?\\.("
            + Arrays.stream(FileType.values()).map(t -> t.extension).collect(Collectors.joining("|")) + ")");
    /** What the library accepts, for people: JPEG, PNG, GIF, PDF, DOCX… */
    private static final String ACCEPTED = Arrays.stream(FileType.values()).map(FileType::label)
            .collect(Collectors.joining(", "));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Path folder;
    private final ObjectProvider<MediaUsage> usages;

    MediaLibrary(JdbcClient jdbc, HeraldProperties properties, ObjectProvider<MediaUsage> usages) {
        this.jdbc = jdbc;
        this.usages = usages;
        this.folder = properties.dataDir().resolve("media").toAbsolutePath().normalize();
    }

    public MediaItem store(String originalName, byte[] bytes, String by) {
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("A file must be between 1 byte and " + MAX_BYTES / 1024 / 1024 + " MB");
        }
        FileType type = FileType.of(bytes).orElseThrow(() -> new IllegalArgumentException(
                "Only these kinds of file can be uploaded: " + ACCEPTED + " (Office files without macros)"));
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String stored = HexFormat.of().formatHex(random) + "." + type.extension;
        try {
            Files.createDirectories(folder);
            int[] size = {0, 0};
            List<Integer> variants = List.of();
            if (type.isImage()) {
                size = ImageVariants.size(bytes);
                int width = size[0];
                variants = ImageVariants.write(bytes, type, width, w -> folder.resolve(variantName(stored, w)));
            }
            Files.write(folder.resolve(stored), bytes);
            MediaItem item = new MediaItem(Ids.next(), stored, clean(originalName), type.contentType, bytes.length,
                    size[0], size[1], variants, by, Instant.now());
            jdbc.sql("INSERT INTO media (id, stored_name, original_name, content_type, size_bytes, width, height, "
                            + "variants, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(item.id(), stored, item.originalName(), item.contentType(), item.size(), item.width(),
                            item.height(), String.join(",", variants.stream().map(String::valueOf).toList()), by,
                            Timestamps.format(item.uploadedAt()))
                    .update();
            return item;
        } catch (IOException e) {
            throw new IllegalArgumentException(type.isImage() ? "The image cannot be read or is too large to process"
                    : "The file cannot be written to the media folder");
        }
    }

    public List<MediaItem> recent(int limit) {
        return jdbc.sql("SELECT * FROM media ORDER BY uploaded_at DESC, id DESC LIMIT ?").param(limit)
                .query(MediaLibrary::item).list();
    }

    public Optional<MediaItem> find(long id) {
        return jdbc.sql("SELECT * FROM media WHERE id = ?").param(id).query(MediaLibrary::item).optional();
    }

    /** The items of these ids that exist, in no particular order. */
    public List<MediaItem> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM media WHERE id IN (:ids)").param("ids", List.copyOf(ids))
                .query(MediaLibrary::item).list();
    }

    /**
     * Deletes an item and its files, refused with {@link MediaInUse} while content uses it (the
     * foreign keys refuse it too, should a use not be known here).
     */
    public MediaItem delete(long id) {
        MediaItem item = find(id).orElseThrow(() -> new IllegalArgumentException("There is no media item " + id));
        List<String> uses = new ArrayList<>();
        usages.orderedStream().forEach(u -> uses.addAll(u.usesOf(item)));
        if (!uses.isEmpty()) {
            throw new MediaInUse(item.originalName(), uses);
        }
        try {
            jdbc.sql("DELETE FROM media WHERE id = ?").param(id).update();
        } catch (DataIntegrityViolationException e) {
            throw new MediaInUse(item.originalName(), List.of("other content"));
        }
        deleteFiles(item);
        return item;
    }

    /**
     * Removes the files of an item stored in a transaction that then rolled back (an import that
     * failed part-way), so nothing of it stays behind; an item still in the library is kept.
     */
    public void discard(MediaItem item) {
        if (find(item.id()).isEmpty()) {
            deleteFiles(item);
        }
    }

    private void deleteFiles(MediaItem item) {
        try {
            Files.deleteIfExists(folder.resolve(item.storedName()));
            for (int w : item.variantWidths()) {
                Files.deleteIfExists(folder.resolve(variantName(item.storedName(), w)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MediaItem item(ResultSet rs, int row) throws SQLException {
        return new MediaItem(rs.getLong("id"), rs.getString("stored_name"), rs.getString("original_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getInt("width"), rs.getInt("height"),
                Arrays.stream(rs.getString("variants").split(",")).filter(s -> !s.isEmpty()).map(Integer::valueOf)
                        .toList(), rs.getString("uploaded_by"), Timestamps.parse(rs.getString("uploaded_at")));
    }

    /** The stored upload of this name (originals only), if there is one. */
    public Optional<MediaItem> find(String storedName) {
        if (storedName == null || !STORED.matcher(storedName).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM media WHERE stored_name = ?").param(storedName)
                .query((rs, n) -> new MediaItem(rs.getLong("id"), rs.getString("stored_name"),
                        rs.getString("original_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                        rs.getInt("width"), rs.getInt("height"), Arrays.stream(rs.getString("variants").split(","))
                        .filter(s -> !s.isEmpty()).map(Integer::valueOf).toList(), rs.getString("uploaded_by"),
                        Timestamps.parse(rs.getString("uploaded_at"))))
                .optional();
    }

    /** The file of a stored name (an original or a variant), or empty for anything else. */
    public Optional<Path> file(String storedName) {
        if (storedName == null || !STORED.matcher(storedName).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(storedName).normalize();
        return file.startsWith(folder) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The content type a stored name is served with. */
    public static String contentType(String storedName) {
        String ext = storedName.substring(storedName.lastIndexOf('.') + 1);
        return FileType.ofExtension(ext).map(t -> t.contentType).orElse("application/octet-stream");
    }

    /** Whether files of this extension (lower case, no dot) can be in the library. */
    public static boolean isStoredExtension(String extension) {
        return FileType.ofExtension(extension).isPresent();
    }

    static String variantName(String stored, int width) {
        String base = stored.substring(0, stored.lastIndexOf('.'));
        return base + "-" + width + (stored.endsWith(".jpg") ? ".jpg" : ".png");
    }

    private static String clean(String name) {
        StringBuilder out = new StringBuilder();
        (name == null ? "" : name).codePoints().filter(c -> !Character.isISOControl(c)).limit(300)
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }
}
