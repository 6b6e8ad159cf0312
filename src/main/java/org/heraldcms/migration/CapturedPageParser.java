package org.heraldcms.migration;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a page captured from a MetInfo-like site:
 * <pre>
 * title
 *
 * 2021-05-27 15:03:01 admin source: share:
 *
 * paragraph
 *
 * paragraph
 * Powered by MetInfo 7.2.0 ©2008-2024
 * </pre>
 * The metadata line is optional; the old CMS's footer is noise and is dropped.
 */
public final class CapturedPageParser {

    private static final Pattern METADATA = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})\\s+(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*(.*?)\\s*(?:source:\\s*(.*?)\\s*)?(?:share:.*)?$");
    private static final Pattern FOOTER_NOISE = Pattern.compile("(?i)^\\s*(powered by\\s.*|copyright\\s.*|©.*)$");

    private CapturedPageParser() {
    }

    public static CapturedPage parse(String text) {
        List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        int i = skipBlank(lines, 0);
        if (i == lines.size()) {
            throw new IllegalArgumentException("The capture is empty: it has no title");
        }
        String title = lines.get(i).strip();
        i = skipBlank(lines, i + 1);
        Optional<LocalDateTime> publishedAt = Optional.empty();
        String author = "";
        String source = "";
        if (i < lines.size()) {
            Matcher m = METADATA.matcher(lines.get(i).strip());
            if (m.matches()) {
                publishedAt = Optional.of(LocalDateTime.of(LocalDate.parse(m.group(1)), LocalTime.parse(pad(m.group(2)))));
                author = m.group(3);
                source = m.group(4) == null ? "" : m.group(4);
                i++;
            }
        }
        return new CapturedPage(title, publishedAt, author, source, paragraphs(lines.subList(i, lines.size())));
    }

    private static List<String> paragraphs(List<String> lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String content = line.strip();
            if (content.isEmpty() || FOOTER_NOISE.matcher(content).matches()) {
                flush(current, paragraphs);
            } else {
                current.append(current.length() == 0 ? "" : " ").append(content);
            }
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (current.length() > 0) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
    }

    private static int skipBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static String pad(String time) {
        String t = time.length() == 4 || time.length() == 7 ? "0" + time : time;
        return t.length() == 5 ? t + ":00" : t;
    }
}
