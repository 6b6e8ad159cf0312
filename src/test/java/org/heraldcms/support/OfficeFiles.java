package org.heraldcms.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Minimal Office, OpenDocument, zip and OLE2 files made in code for upload tests: just the parts
 * by which Herald recognises them, no binary fixtures.
 */
public final class OfficeFiles {

    private OfficeFiles() {
    }

    public static byte[] docx(String... extraParts) {
        return zip(ooxml("word/document.xml", extraParts));
    }

    public static byte[] xlsx() {
        return zip(ooxml("xl/workbook.xml"));
    }

    public static byte[] pptx() {
        return zip(ooxml("ppt/presentation.xml"));
    }

    /** An OpenDocument file: {@code mimetype} stored first, as the format requires, then its content. */
    public static byte[] openDocument(String mimetype, String... extraParts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] type = mimetype.getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(type.length);
            first.setCompressedSize(type.length);
            CRC32 crc = new CRC32();
            crc.update(type);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(type);
            zip.closeEntry();
            java.util.List<String> parts = new java.util.ArrayList<>(java.util.List.of("content.xml", "META-INF/manifest.xml"));
            parts.addAll(java.util.List.of(extraParts));
            for (String part : parts) {
                zip.putNextEntry(new ZipEntry(part));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip archive of these parts (names in order, each with a little XML). */
    public static byte[] zip(String... names) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String name : names) {
            parts.put(name, "<?xml version=\"1.0\"?><part name=\"" + name + "\"/>");
        }
        return zip(parts);
    }

    public static byte[] zip(Map<String, String> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An OLE2 compound file (version 3, 512-byte sectors) whose directory holds a root entry and
     * these names; no streams have content, which is all the recognition looks at.
     */
    public static byte[] ole2(String... names) {
        int entries = names.length + 1;
        int directorySectors = (entries * 128 + 511) / 512;
        ByteBuffer b = ByteBuffer.allocate(512 + directorySectors * 512).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        b.putShort(24, (short) 0x3E).putShort(26, (short) 3).putShort(28, (short) 0xFFFE).putShort(30, (short) 9)
                .putShort(32, (short) 6).putInt(48, 0).putInt(56, 4096).putInt(60, -2).putInt(68, -2);
        for (int i = 76; i < 512; i += 4) {
            b.putInt(i, -1); // no FAT sectors listed: the directory's tables are not what is tested here
        }
        entry(b, 512, "Root Entry", 5);
        for (int i = 0; i < names.length; i++) {
            entry(b, 512 + (i + 1) * 128, names[i], 2);
        }
        return b.array();
    }

    private static void entry(ByteBuffer b, int at, String name, int type) {
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        b.put(at, utf16);
        b.putShort(at + 64, (short) (utf16.length + 2));
        b.put(at + 66, (byte) type);
        b.put(at + 67, (byte) 1);
        b.putInt(at + 68, -1).putInt(at + 72, -1).putInt(at + 76, -1);
        b.putInt(at + 116, -2);
    }

    private static String[] ooxml(String main, String... extra) {
        String[] names = new String[3 + extra.length];
        names[0] = "[Content_Types].xml";
        names[1] = "_rels/.rels";
        names[2] = main;
        System.arraycopy(extra, 0, names, 3, extra.length);
        return names;
    }
}
