package org.heraldcms.media;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.heraldcms.media.internal.FileType;

/**
 * A stored upload. {@code storedName} is random ({@code 3f9c…e1.jpg}); images also have resized
 * variants {@code NAME-320.jpg} etc. for the widths listed in {@code variantWidths}.
 */
public record MediaItem(long id, String storedName, String originalName, String contentType, long size, int width,
                        int height, List<Integer> variantWidths, String uploadedBy, Instant uploadedAt) {

    public MediaItem {
        variantWidths = List.copyOf(variantWidths);
    }

    public boolean isImage() {
        return contentType.startsWith("image/");
    }

    public String url() {
        return "/media/" + storedName;
    }

    /** The {@code srcset} value: each variant with its width, then the original. */
    public String srcset() {
        StringBuilder out = new StringBuilder();
        for (int w : variantWidths) {
            out.append("/media/").append(MediaLibrary.variantName(storedName, w)).append(' ').append(w)
                    .append("w, ");
        }
        return out.append(url()).append(' ').append(width).append('w').toString();
    }

    /** The address of the variant of this width. */
    public String variantUrl(int width) {
        return "/media/" + MediaLibrary.variantName(storedName, width);
    }

    /** The largest variant (or the original when it has none): what a share card shows. */
    public String largestUrl() {
        return variantWidths.isEmpty() ? url() : variantUrl(variantWidths.get(variantWidths.size() - 1));
    }

    public int largestWidth() {
        return variantWidths.isEmpty() ? width : variantWidths.get(variantWidths.size() - 1);
    }

    public int largestHeight() {
        return width == 0 ? height : (int) Math.round((double) height * largestWidth() / width);
    }

    /** The size for people: {@code 812 B}, {@code 14.2 KB}, {@code 3.1 MB}. */
    public String sizeText() {
        if (size < 1024) {
            return size + " B";
        }
        return size < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", size / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", size / 1024.0 / 1024.0);
    }

    /** The kind of file in one word: PDF, JPEG, DOCX, ZIP. */
    public String kind() {
        return FileType.ofContentType(contentType).map(FileType::label)
                .orElseGet(() -> contentType.substring(contentType.indexOf('/') + 1).toUpperCase(Locale.ROOT));
    }

    /**
     * The name a download gets: the uploaded name without any folder, ending with the stored
     * extension (added when it does not), so a ZIP uploaded as {@code page.html} or {@code run.bat}
     * is saved as {@code page.html.zip}, never as something the computer would open otherwise.
     */
    public String downloadName() {
        String extension = storedName.substring(storedName.lastIndexOf('.'));
        String name = originalName.substring(Math.max(originalName.lastIndexOf('/'), originalName.lastIndexOf('\\')) + 1)
                .strip();
        if (name.isEmpty() || name.equals(extension)) {
            return storedName;
        }
        return name.toLowerCase(Locale.ROOT).endsWith(extension) ? name : name + extension;
    }
}
