package org.heraldcms.media.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads an image's size without decoding it, and writes narrower copies (320, 768, 1600 px wide). */
public final class ImageVariants {

    public static final List<Integer> WIDTHS = List.of(320, 768, 1600);
    static final long MAX_PIXELS = 50_000_000L;

    private ImageVariants() {
    }

    /** Width and height from the header; refuses images too large to decode safely. */
    public static int[] size(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("unreadable image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if ((long) w * h > MAX_PIXELS) {
                    throw new IOException("image too large");
                }
                return new int[] {w, h};
            } finally {
                reader.dispose();
            }
        }
    }

    /** Writes a copy per width narrower than the original; returns the widths written. */
    public static List<Integer> write(byte[] bytes, FileType type, int width, java.util.function.IntFunction<Path> target)
            throws IOException {
        List<Integer> written = new ArrayList<>();
        BufferedImage original = ImageIO.read(new ByteArrayInputStream(bytes));
        if (original == null) {
            throw new IOException("unreadable image");
        }
        String format = type == FileType.JPEG ? "jpg" : "png";
        for (int w : WIDTHS) {
            if (w >= width) {
                continue;
            }
            int h = Math.max(1, (int) Math.round((double) original.getHeight() * w / original.getWidth()));
            BufferedImage scaled = new BufferedImage(w, h, type == FileType.JPEG ? BufferedImage.TYPE_INT_RGB
                    : BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = scaled.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(original, 0, 0, w, h, null);
            g.dispose();
            ImageIO.write(scaled, format, target.apply(w).toFile());
            written.add(w);
        }
        return written;
    }
}
