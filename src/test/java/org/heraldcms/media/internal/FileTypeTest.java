package org.heraldcms.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.heraldcms.support.OfficeFiles;
import org.junit.jupiter.api.Test;

/** The allow-list's edges that need no running site: zip directories read by hand, OLE2 names, macros. */
class FileTypeTest {

    @Test
    void officeOpenDocumentAndZipFilesAreKnownByWhatIsInThem() {
        assertThat(FileType.of(OfficeFiles.docx())).hasValue(FileType.DOCX);
        assertThat(FileType.of(OfficeFiles.xlsx())).hasValue(FileType.XLSX);
        assertThat(FileType.of(OfficeFiles.pptx())).hasValue(FileType.PPTX);
        assertThat(FileType.of(OfficeFiles.openDocument("application/vnd.oasis.opendocument.text"))).hasValue(FileType.ODT);
        assertThat(FileType.of(OfficeFiles.openDocument("application/vnd.oasis.opendocument.spreadsheet")))
                .hasValue(FileType.ODS);
        assertThat(FileType.of(OfficeFiles.openDocument("application/vnd.oasis.opendocument.presentation")))
                .hasValue(FileType.ODP);
        assertThat(FileType.of(OfficeFiles.openDocument("application/vnd.oasis.opendocument.graphics")))
                .hasValue(FileType.ZIP);
        assertThat(FileType.of(OfficeFiles.zip("word/document.xml"))).hasValue(FileType.ZIP); // no [Content_Types].xml
        assertThat(FileType.of(OfficeFiles.zip("content.xml", "mimetype"))).hasValue(FileType.ZIP); // mimetype not first
        assertThat(FileType.of(OfficeFiles.zip(Map.of("mimetype", "application/vnd.oasis.opendocument.text"))))
                .hasValue(FileType.ZIP); // compressed, so not OpenDocument
        assertThat(FileType.of(OfficeFiles.ole2("WordDocument", "1Table"))).hasValue(FileType.DOC);
        assertThat(FileType.of(OfficeFiles.ole2("Workbook"))).hasValue(FileType.XLS);
        assertThat(FileType.of(OfficeFiles.ole2("Book"))).hasValue(FileType.XLS);
        assertThat(FileType.of(OfficeFiles.ole2("Current User", "PowerPoint Document"))).hasValue(FileType.PPT);
        assertThat(FileType.DOCX.label()).isEqualTo("DOCX");
        assertThat(Arrays.stream(FileType.values()).filter(FileType::isImage))
                .containsExactly(FileType.JPEG, FileType.PNG, FileType.GIF);
    }

    @Test
    void aZipWithACommentOrTrailingBytesIsStillRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setComment("x".repeat(60_000));
            zip.putNextEntry(new ZipEntry("a.txt"));
            zip.write('a');
            zip.closeEntry();
        }
        assertThat(FileType.of(out.toByteArray())).hasValue(FileType.ZIP);
        assertThat(FileType.of(join(OfficeFiles.docx(), new byte[1000]))).hasValue(FileType.DOCX);
        // the end record is looked for no further back than a comment's greatest length
        assertRefused(join(OfficeFiles.docx(), new byte[70_000]), "damaged");
    }

    @Test
    void inconsistentOrZip64DirectoriesAreRefused() {
        byte[] docx = OfficeFiles.docx();
        assertRefused(withEnd(docx, 16, 0xFFFFFFFF), "zip64");
        assertRefused(withEnd(docx, 12, 0xFFFFFFFF), "zip64");
        assertRefused(withEnd(docx, 16, docx.length), "damaged");
        assertRefused(withEnd(docx, 12, 1), "damaged");
        assertRefused(withEnd(docx, 8, 4 | 4 << 16), "central directory record 3 is missing"); // it has three
        assertRefused(withEnd(docx, 8, 3 | 2 << 16), "several disks");
        byte[] elsewhere = docx.clone(); // a record whose local header offset points into the middle of the file
        int central = central(docx);
        ByteBuffer.wrap(elsewhere).order(ByteOrder.LITTLE_ENDIAN).putInt(central + 42, 7);
        assertRefused(elsewhere, "local file header");
        assertRefused(Arrays.copyOf(docx, 100), "damaged");
        assertRefused(join("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1),
                "<html><script>alert(1)</script></html>".repeat(3).getBytes(StandardCharsets.UTF_8)), "damaged");
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(0);
            for (int i = 0; i <= ZipDirectory.MAX_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry(Integer.toString(i)));
                zip.closeEntry();
            }
        }
        assertRefused(out.toByteArray(), "20001 entries");
    }

    @Test
    void macrosAreRefusedWhateverTheirCase() {
        assertRefused(OfficeFiles.docx("word/vbaProject.bin"), FileType.MACROS);
        assertRefused(OfficeFiles.zip(ooxml("xl/workbook.xml", "xl/VBAPROJECT.BIN")), FileType.MACROS);
        assertRefused(OfficeFiles.zip("vbaProject.bin"), FileType.MACROS);
        assertRefused(OfficeFiles.zip(ooxml("xl/workbook.xml", "xl/macrosheets/sheet1.xml")), FileType.MACROS); // Excel 4
        assertRefused(OfficeFiles.openDocument("application/vnd.oasis.opendocument.text", "Basic/Standard/Module1.xml"),
                FileType.MACROS);
        assertRefused(OfficeFiles.openDocument("application/vnd.oasis.opendocument.spreadsheet", "Scripts/python/run.py"),
                FileType.MACROS);
        assertRefused(OfficeFiles.ole2("WordDocument", "Macros", "VBA"), FileType.MACROS);
        assertRefused(OfficeFiles.ole2("Workbook", "_VBA_PROJECT_CUR"), FileType.MACROS);
        assertRefused(OfficeFiles.ole2("WordDocument", "macros"), FileType.MACROS);
    }

    @Test
    void otherCompoundFilesAreNotAccepted() {
        assertThat(FileType.of(OfficeFiles.ole2("\u0005SummaryInformation"))).isEmpty();
        assertThat(FileType.of(OfficeFiles.ole2("\u0005DocumentSummaryInformation", "EncryptedPackage"))).isEmpty();
        byte[] noRoot = OfficeFiles.ole2("WordDocument");
        noRoot[512 + 66] = 1; // the root entry made a storage
        assertThat(FileType.of(noRoot)).isEmpty();
        byte[] unterminated = OfficeFiles.ole2("WordDocument");
        unterminated[512 + 128 + 64] -= 2; // the name's length without its NUL: not a directory entry
        assertThat(FileType.of(unterminated)).isEmpty();
        assertThat(FileType.of(Arrays.copyOf(OfficeFiles.ole2("WordDocument"), 300))).isEmpty();
    }

    private static void assertRefused(byte[] bytes, String why) {
        assertThatThrownBy(() -> FileType.of(bytes)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(why);
    }

    private static String[] ooxml(String main, String extra) {
        return new String[] {"[Content_Types].xml", main, extra};
    }

    private static int end(byte[] zip) {
        for (int at = zip.length - 22; at >= 0; at--) {
            if (zip[at] == 'P' && zip[at + 1] == 'K' && zip[at + 2] == 5 && zip[at + 3] == 6) {
                return at;
            }
        }
        throw new AssertionError("no end record");
    }

    private static int central(byte[] zip) {
        return ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).getInt(end(zip) + 16);
    }

    /** The zip with the end record's 4-byte field at this offset replaced (8: the two entry counts, 12: size, 16: offset). */
    private static byte[] withEnd(byte[] zip, int field, int value) {
        byte[] out = zip.clone();
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(end(zip) + field, value);
        return out;
    }

    private static byte[] join(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
