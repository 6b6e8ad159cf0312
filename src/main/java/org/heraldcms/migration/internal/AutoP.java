package org.heraldcms.migration.internal;

import java.util.regex.Pattern;

/**
 * WordPress stores post content without paragraph tags and adds them when showing it
 * (wpautop): blank lines separate paragraphs, single line breaks become {@code <br>}.
 * This does the same once, on import; content that already has block tags is kept as it is.
 */
public final class AutoP {

    private static final Pattern BLOCK = Pattern.compile("(?i)<(p|div|h[1-6]|ul|ol|table|blockquote|pre|figure)[\\s>]");

    private AutoP() {
    }

    public static String apply(String content) {
        String text = content.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty() || BLOCK.matcher(text).find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n\\s*\n")) {
            String p = paragraph.strip();
            if (!p.isEmpty()) {
                out.append("<p>").append(p.replace("\n", "<br>\n")).append("</p>\n");
            }
        }
        return out.toString();
    }
}
