package org.heraldcms.media;

import java.time.Instant;
import java.util.List;

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
}
