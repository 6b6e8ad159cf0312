package org.heraldcms.media.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The allow-list of uploads, recognised from the bytes, never from the name or the browser's word:
 * images and PDF by their first bytes, Office Open XML, OpenDocument and plain zip archives by the
 * names in the zip's directory ({@link ZipDirectory}), old Office files by the names in their OLE2
 * directory ({@link Ole2Names}). Office files with macros are refused where the macros are parts of
 * their own (VBA projects, Excel 4 macro sheets in XLSX, OpenDocument Basic and scripts); macros kept
 * inside an old XLS or PPT file's main stream are not seen. Any other OLE2 file is refused.
 */
public enum FileType {
    JPEG("jpg", "image/jpeg"),
    PNG("png", "image/png"),
    GIF("gif", "image/gif"),
    PDF("pdf", "application/pdf"),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PPTX("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ODT("odt", "application/vnd.oasis.opendocument.text"),
    ODS("ods", "application/vnd.oasis.opendocument.spreadsheet"),
    ODP("odp", "application/vnd.oasis.opendocument.presentation"),
    DOC("doc", "application/msword"),
    XLS("xls", "application/vnd.ms-excel"),
    PPT("ppt", "application/vnd.ms-powerpoint"),
    ZIP("zip", "application/zip");

    public static final String MACROS = "Office files with macros are not accepted";
    private static final List<FileType> OPEN_DOCUMENT = List.of(ODT, ODS, ODP);

    public final String extension;
    public final String contentType;

    FileType(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The kind of file for people: JPEG, PDF, DOCX. */
    public String label() {
        return name();
    }

    public boolean isImage() {
        return this == JPEG || this == PNG || this == GIF;
    }

    /**
     * The type of these bytes; empty when they are not on the allow-list. Throws
     * IllegalArgumentException, saying why, for a file that looks like an accepted kind but is
     * refused: an Office file with macros, a damaged zip archive.
     */
    public static Optional<FileType> of(byte[] b) {
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (starts(b, 'G', 'I', 'F', '8', '7', 'a') || starts(b, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(GIF);
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        if (starts(b, 'P', 'K', 3, 4)) {
            return Optional.of(zip(b));
        }
        if (starts(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return ole2(b);
        }
        return Optional.empty();
    }

    private static FileType zip(byte[] b) {
        ZipDirectory zip;
        try {
            zip = ZipDirectory.read(b);
        } catch (ZipDirectory.Damaged e) {
            throw new IllegalArgumentException("The zip archive is damaged or incomplete (" + e.getMessage() + ")");
        }
        // VBA in Office Open XML, Excel 4 macro sheets, LibreOffice Basic and scripts in OpenDocument
        if (zip.entries().stream().map(e -> e.name().toLowerCase(Locale.ROOT)).anyMatch(n -> n.equals("vbaproject.bin")
                || n.endsWith("/vbaproject.bin") || n.startsWith("xl/macrosheets/") || n.startsWith("basic/")
                || n.startsWith("scripts/"))) {
            throw new IllegalArgumentException(MACROS);
        }
        if (zip.has("[Content_Types].xml")) {
            if (zip.has("word/document.xml")) {
                return DOCX;
            }
            if (zip.has("xl/workbook.xml")) {
                return XLSX;
            }
            if (zip.has("ppt/presentation.xml")) {
                return PPTX;
            }
        }
        Optional<String> mimetype = zip.storedFirst("mimetype", 100);
        return OPEN_DOCUMENT.stream().filter(t -> mimetype.filter(t.contentType::equals).isPresent()).findFirst()
                .orElse(ZIP);
    }

    private static Optional<FileType> ole2(byte[] b) {
        // upper case: OLE2 compares names without regard to case, so "macros" is Word's "Macros" too
        List<String> names = Ole2Names.of(b).stream().map(n -> n.toUpperCase(Locale.ROOT)).toList();
        if (names.contains("MACROS") || names.contains("_VBA_PROJECT_CUR") || names.contains("VBA")) {
            throw new IllegalArgumentException(MACROS);
        }
        if (names.contains("WORDDOCUMENT")) {
            return Optional.of(DOC);
        }
        if (names.contains("WORKBOOK") || names.contains("BOOK")) {
            return Optional.of(XLS);
        }
        return names.contains("POWERPOINT DOCUMENT") ? Optional.of(PPT) : Optional.empty();
    }

    public static Optional<FileType> ofExtension(String ext) {
        return Arrays.stream(values()).filter(t -> t.extension.equals(ext)).findFirst();
    }

    public static Optional<FileType> ofContentType(String contentType) {
        return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst();
    }

    private static boolean starts(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
