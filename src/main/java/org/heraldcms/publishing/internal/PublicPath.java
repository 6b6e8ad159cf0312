package org.heraldcms.publishing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.heraldcms.text.Slugs;

/**
 * The part of a public URL after {@code /{lang}}, split into slug segments. Anything that
 * is not a well-formed slug cannot name a page, so it is refused here, before any lookup.
 */
public record PublicPath(List<String> segments, boolean trailingSlash) {

    private static final int MAX_SEGMENTS = 12;

    public static Optional<PublicPath> parse(String rest) {
        if (rest == null || rest.isEmpty() || rest.charAt(0) != '/' || rest.length() > 1200) {
            return Optional.empty();
        }
        if (rest.equals("/")) {
            return Optional.of(new PublicPath(List.of(), true));
        }
        boolean trailing = rest.endsWith("/");
        String inner = rest.substring(1, trailing ? rest.length() - 1 : rest.length());
        List<String> segments = new ArrayList<>();
        if (!inner.isEmpty()) {
            for (String segment : inner.split("/", -1)) {
                if (!Slugs.isValid(segment) || segments.size() == MAX_SEGMENTS) {
                    return Optional.empty();
                }
                segments.add(segment);
            }
        }
        return Optional.of(new PublicPath(List.copyOf(segments), trailing));
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public String first() {
        return segments.get(0);
    }

    public String last() {
        return segments.get(segments.size() - 1);
    }

    /** The page number when the path ends with {@code page/N/}; 1 otherwise; -1 when N is not a usable number. */
    public int pageNumber() {
        int n = segments.size();
        if (!trailingSlash || n < 2 || !segments.get(n - 2).equals("page")) {
            return 1;
        }
        String number = segments.get(n - 1);
        return number.matches("[1-9][0-9]{0,4}") ? Integer.parseInt(number) : -1;
    }

    /** The segments before a trailing {@code page/N/}, joined by '/'. */
    public String listPath() {
        int end = pageNumber() == 1 && !endsWithPage() ? segments.size() : segments.size() - 2;
        return String.join("/", segments.subList(0, Math.max(0, end)));
    }

    public String parentPath() {
        return String.join("/", segments.subList(0, segments.size() - 1));
    }

    public String joined() {
        return String.join("/", segments);
    }

    private boolean endsWithPage() {
        int n = segments.size();
        return trailingSlash && n >= 2 && segments.get(n - 2).equals("page");
    }
}
