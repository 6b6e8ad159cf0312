package org.heraldcms.media.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entry names of a zip archive, read from its central directory by hand: nothing is
 * decompressed, every offset and length is checked against the bytes, and anything inconsistent
 * (a record out of place, zip64, several disks, too many entries) is refused with {@link Damaged}.
 */
final class ZipDirectory {

    static final int MAX_ENTRIES = 20_000;
    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int END_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;

    /** One central directory record: what the recognition needs of it. */
    record Entry(String name, int method, long compressedSize, long localOffset) {
    }

    static final class Damaged extends Exception {
        Damaged(String why) {
            super(why);
        }
    }

    private final byte[] bytes;
    private final List<Entry> entries;

    private ZipDirectory(byte[] bytes, List<Entry> entries) {
        this.bytes = bytes;
        this.entries = List.copyOf(entries);
    }

    static ZipDirectory read(byte[] b) throws Damaged {
        if (b.length < 30 + END_SIZE || u32(b, 0) != LOCAL) {
            throw new Damaged("no local file header at the start");
        }
        int end = endRecord(b);
        int count = u16(b, end + 10);
        long size = u32(b, end + 12);
        long offset = u32(b, end + 16);
        if (u16(b, end + 4) != 0 || u16(b, end + 6) != 0 || u16(b, end + 8) != count) {
            throw new Damaged("an archive on several disks");
        }
        if (count == 0xFFFF || size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL) {
            throw new Damaged("zip64");
        }
        if (count == 0 || count > MAX_ENTRIES) {
            throw new Damaged(count + " entries");
        }
        if (offset + size > end) {
            throw new Damaged("the central directory is outside the file");
        }
        List<Entry> entries = new ArrayList<>(count);
        int at = (int) offset;
        int stop = (int) (offset + size);
        for (int i = 0; i < count; i++) {
            if (at + 46 > stop || u32(b, at) != CENTRAL) {
                throw new Damaged("central directory record " + i + " is missing");
            }
            int nameLength = u16(b, at + 28);
            int next = at + 46 + nameLength + u16(b, at + 30) + u16(b, at + 32);
            long compressed = u32(b, at + 20);
            long local = u32(b, at + 42);
            if (next > stop) {
                throw new Damaged("central directory record " + i + " runs past the directory");
            }
            if (compressed == 0xFFFFFFFFL || u32(b, at + 24) == 0xFFFFFFFFL || local == 0xFFFFFFFFL) {
                throw new Damaged("zip64");
            }
            if (local + 30 > offset || u32(b, (int) local) != LOCAL) {
                throw new Damaged("entry " + i + " points at no local file header");
            }
            boolean utf8 = (u16(b, at + 8) & 0x0800) != 0;
            String name = new String(b, at + 46, nameLength, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            entries.add(new Entry(name, u16(b, at + 10), compressed, local));
            at = next;
        }
        if (at != stop) {
            throw new Damaged("the central directory size does not match its records");
        }
        return new ZipDirectory(b, entries);
    }

    List<Entry> entries() {
        return entries;
    }

    boolean has(String name) {
        return entries.stream().anyMatch(e -> e.name().equals(name));
    }

    /**
     * The content of the archive's first entry when it is named {@code name} and stored without
     * compression (as OpenDocument's {@code mimetype} must be), read as ASCII; empty otherwise.
     */
    Optional<String> storedFirst(String name, int maxLength) {
        Entry first = entries.stream().filter(e -> e.localOffset() == 0).findFirst().orElse(null);
        if (first == null || !first.name().equals(name) || first.method() != 0 || first.compressedSize() > maxLength) {
            return Optional.empty();
        }
        int nameLength = u16(bytes, 26);
        int data = 30 + nameLength + u16(bytes, 28);
        if (nameLength != name.length() || !new String(bytes, 30, nameLength, StandardCharsets.ISO_8859_1).equals(name)
                || data + first.compressedSize() > bytes.length) {
            return Optional.empty();
        }
        return Optional.of(new String(bytes, data, (int) first.compressedSize(), StandardCharsets.ISO_8859_1));
    }

    /** The end of central directory record, searched back from the end over at most a comment's length. */
    private static int endRecord(byte[] b) throws Damaged {
        int lowest = Math.max(0, b.length - END_SIZE - MAX_COMMENT);
        for (int at = b.length - END_SIZE; at >= lowest; at--) {
            if (u32(b, at) == END && at + END_SIZE + u16(b, at + 20) <= b.length) {
                return at;
            }
        }
        throw new Damaged("no end of central directory record");
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16);
    }
}
