package org.heraldcms.publishing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The export folder: site paths become files nginx finds with
 * {@code try_files $uri $uri.html $uri/index.html}. A manifest lists what the last export
 * wrote, so files of pages that are gone can be deleted without touching anything else.
 */
public final class ExportFiles {

    static final String MANIFEST = ".herald-export";

    private final Path root;
    private final Set<String> previous; // files the last finished export wrote
    private final Set<String> produced = ConcurrentHashMap.newKeySet();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();
    private final AtomicInteger deleted = new AtomicInteger();

    private ExportFiles(Path root, Set<String> previous) {
        this.root = root;
        this.previous = previous;
    }

    public static ExportFiles open(Path root) {
        try {
            Files.createDirectories(root);
            Path manifest = root.resolve(MANIFEST);
            Set<String> previous = ConcurrentHashMap.newKeySet();
            if (Files.exists(manifest)) {
                previous.addAll(Files.readAllLines(manifest));
            }
            return new ExportFiles(root.toRealPath(), previous);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + root + " as the export folder", e);
        }
    }

    /** The file for a site path: {@code /en/} → {@code en/index.html}, {@code /en/news/x} → {@code en/news/x.html}. */
    public static String fileOf(String path) {
        String relative = path.substring(1);
        if (relative.isEmpty() || relative.endsWith("/")) {
            return relative + "index.html";
        }
        String last = relative.substring(relative.lastIndexOf('/') + 1);
        return last.contains(".") ? relative : relative + ".html";
    }

    /**
     * Keeps the file an earlier export wrote for {@code path}, unchanged; false when there is none.
     * For per-visitor pages (a form with its CSRF token) whose bytes differ on every fetch.
     */
    public boolean keep(String path) {
        String name = fileOf(path);
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root) || name.equals(MANIFEST) || !Files.isRegularFile(file)) {
            return false;
        }
        produced.add(name);
        unchanged.incrementAndGet();
        return true;
    }

    /** Writes a page's file if its bytes changed; true if it did. */
    public boolean write(String path, byte[] bytes) {
        String name = fileOf(path);
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root) || name.equals(MANIFEST)) {
            throw new IllegalArgumentException("Refusing to write outside the export folder: " + path);
        }
        produced.add(name);
        try {
            if (Files.exists(file) && Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes)) {
                unchanged.incrementAndGet();
                return false;
            }
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".export", ".tmp");
            Files.write(temp, bytes);
            move(temp, file);
            written.incrementAndGet();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Deletes the file of a page that is gone (if an export wrote it); true if there was one. */
    public boolean remove(String path) {
        String name = fileOf(path);
        produced.remove(name);
        if (!previous.remove(name)) {
            return false;
        }
        Path file = root.resolve(name).normalize();
        try {
            boolean gone = file.startsWith(root) && Files.deleteIfExists(file);
            if (gone) {
                deleted.incrementAndGet();
            }
            return gone;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    /** The site paths of the files the last finished export wrote. */
    public java.util.List<String> previousPaths() {
        return previous.stream().map(name -> "/" + (name.endsWith("index.html")
                ? name.substring(0, name.length() - "index.html".length())
                : name.endsWith(".html") ? name.substring(0, name.length() - ".html".length()) : name)).toList();
    }

    /** Whether the last export, or this one so far, has a file for this site path. */
    public boolean has(String path) {
        String name = fileOf(path);
        return produced.contains(name) || previous.contains(name);
    }

    /**
     * Ends a partial export that visited only some pages: keeps every file it did not visit
     * and writes the manifest of both.
     */
    public void finishPartial() {
        produced.addAll(previous);
        previous.clear();
        previous.addAll(produced);
        try {
            Files.write(root.resolve(MANIFEST), produced.stream().sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot finish the export in " + root, e);
        }
    }

    /** Deletes the files of pages that are gone and writes the new manifest; returns how many were deleted. */
    public int finish() {
        int deleted = 0;
        try {
            for (String name : previous) {
                if (!produced.contains(name)) {
                    Path file = root.resolve(name).normalize();
                    if (file.startsWith(root) && Files.deleteIfExists(file)) {
                        deleted++;
                    }
                }
            }
            Files.write(root.resolve(MANIFEST), produced.stream().sorted().toList());
            previous.clear();
            previous.addAll(produced);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot finish the export in " + root, e);
        }
        return deleted;
    }

    public int pages() {
        return produced.size();
    }

    public int written() {
        return written.get();
    }

    /** Files deleted by {@link #remove} so far. */
    public int deleted() {
        return deleted.get();
    }

    public int unchanged() {
        return unchanged.get();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
