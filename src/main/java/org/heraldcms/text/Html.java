package org.heraldcms.text;

import java.util.List;

/** Plain text to HTML. Only the five characters that matter are escaped: other text, no-break spaces included, stays as it is. */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Each text as one {@code <p>}. */
    public static String paragraphs(List<String> texts) {
        StringBuilder out = new StringBuilder();
        for (String text : texts) {
            out.append("<p>").append(escape(text)).append("</p>\n");
        }
        return out.toString();
    }
}
