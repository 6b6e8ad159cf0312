package org.heraldcms.kinds;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;

import org.heraldcms.content.InvalidEntry;

/**
 * A friendly link or a banner: where it points (http, https or a path of this site), an optional
 * image (stored media name), its place in the order, and when it leaves the site (null: never).
 * It appears at the entry's publishing time.
 */
public record LinkFields(String url, String mediaName, int position, Instant endsAt) implements KindFields {

    public LinkFields {
        url = url == null ? "" : url.strip();
        if (!isSafeUrl(url)) {
            throw new InvalidEntry("A link is an http:// or https:// address or a path of this site starting with /");
        }
        mediaName = mediaName == null ? "" : mediaName.strip();
    }

    static boolean isSafeUrl(String url) {
        if (url.isEmpty() || url.length() > 2000 || url.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<'
                || c == '>' || c == '\\' || c == 127)) {
            return false;
        }
        if (url.startsWith("/")) {
            return !url.startsWith("//");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public boolean external() {
        return !url.startsWith("/");
    }
}
