package org.heraldcms.media.internal;

import java.util.Optional;

/** The allow-list of uploads, recognised from the first bytes, never from the name or the browser's word. */
public enum FileType {
    JPEG("jpg", "image/jpeg"), PNG("png", "image/png"), GIF("gif", "image/gif"), PDF("pdf", "application/pdf");

    public final String extension;
    public final String contentType;

    FileType(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public boolean isImage() {
        return this != PDF;
    }

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
        return Optional.empty();
    }

    public static Optional<FileType> ofExtension(String ext) {
        for (FileType t : values()) {
            if (t.extension.equals(ext)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
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
