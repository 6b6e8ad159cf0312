package org.heraldcms.media;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The {@code Content-Disposition} of a download, whatever characters its name holds. */
public final class Attachment {

    private Attachment() {
    }

    /**
     * RFC 6266 with an RFC 5987 {@code filename*}: an ASCII fallback (anything but letters, digits,
     * dot, hyphen and underscore made {@code _}), then the exact name percent-encoded in UTF-8, so
     * quotes, {@code ;}, CR/LF or non-ASCII characters in the name cannot break the header.
     */
    public static String header(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
