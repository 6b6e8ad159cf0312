package org.heraldcms.media.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of the storages and streams in an OLE2 compound file (old Word, Excel, PowerPoint;
 * also installers and much else). Directory entries are 128 bytes, aligned on 128 within the
 * sectors that follow the header, and start with the name in UTF-16LE, NUL-terminated, whose
 * byte length (terminator included) is at offset 64 and the entry's type at 66. Every aligned
 * slot that reads as such an entry counts: no sector chains are followed, so a name cannot hide
 * in a sector the file's own tables leave out.
 */
final class Ole2Names {

    private static final int ENTRY = 128;
    private static final int STORAGE = 1;
    private static final int STREAM = 2;
    private static final int ROOT = 5;

    private Ole2Names() {
    }

    /** The names, empty when the header is not that of a compound file or there is no root entry. */
    static List<String> of(byte[] b) {
        if (b.length < 512 || (b[28] & 0xFF) != 0xFE || (b[29] & 0xFF) != 0xFF) {
            return List.of();
        }
        int version = u16(b, 26);
        int shift = u16(b, 30);
        if (!(version == 3 && shift == 9 || version == 4 && shift == 12)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        boolean root = false;
        for (int at = 1 << shift; at + ENTRY <= b.length; at += ENTRY) {
            int length = u16(b, at + 64);
            int type = b[at + 66] & 0xFF;
            if ((type == STORAGE || type == STREAM || type == ROOT) && length >= 4 && length <= 64 && length % 2 == 0
                    && u16(b, at + length - 2) == 0) {
                String name = new String(b, at, length - 2, StandardCharsets.UTF_16LE);
                if (name.indexOf('\0') < 0) {
                    names.add(name);
                    root |= type == ROOT;
                }
            }
        }
        return root ? names : List.of();
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }
}
