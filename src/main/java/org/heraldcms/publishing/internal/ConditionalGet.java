package org.heraldcms.publishing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * The rules of a conditional GET in one place, for anything that answers with known bytes
 * (the {@code ConditionalRequests} filter today, a page cache later): the ETag of a body, and
 * whether the request's {@code If-None-Match} / {@code If-Modified-Since} say the client's
 * copy is current, so the answer is 304 with no body. As RFC 9110 says, {@code If-None-Match}
 * wins when present; {@code If-Modified-Since} counts only without it.
 */
public final class ConditionalGet {

    private ConditionalGet() {
    }

    /** A strong ETag: the first 128 bits of the body's SHA-256, base64url, quoted. */
    public static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String etag(String body) {
        return etag(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the client already holds the representation with this ETag and last change (null when unknown). */
    public static boolean notModified(HttpServletRequest request, String etag, Instant lastModified) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, etag);
        }
        if (lastModified == null) {
            return false;
        }
        long since;
        try {
            since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return since >= 0 && !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(Instant.ofEpochMilli(since));
    }

    /** Weak comparison, as If-None-Match asks: {@code W/"x"} matches {@code "x"}; {@code *} matches anything. */
    static boolean matches(String ifNoneMatch, String etag) {
        String wanted = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || opaque(c).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
