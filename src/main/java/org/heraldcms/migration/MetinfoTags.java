package org.heraldcms.migration;

import static org.heraldcms.migration.MetinfoImporter.text;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.heraldcms.content.Entries;
import org.heraldcms.text.Slugs;

/**
 * The old addresses of MetInfo's tag pages ({@code met_tags}): {@code /tag/PINYIN} (pseudo-static,
 * {@code -xx} added outside the default language) and the search forms
 * {@code FOLDER/index.php?stype=0&search=tag&content=PINYIN&lang=xx} (the tag's column's folder, its
 * module's, or {@code search}) answer {@code 301} to
 * Herald's page of the same tag, where an imported entry carries it.
 */
final class MetinfoTags {

    private static final Pattern PINYIN = Pattern.compile("[A-Za-z0-9_-]{1,200}");
    private static final Map<Integer, String> MODULE_FOLDERS = Map.of(2, "news", 3, "product", 4, "download", 5, "img");

    private final MetinfoImporter.Run run;
    private final Entries entries;

    MetinfoTags(MetinfoImporter.Run run, Entries entries) {
        this.run = run;
        this.entries = entries;
    }

    void redirects() {
        String sql = "SELECT tag_name, tag_pinyin, module, cid, lang FROM " + run.table("tags") + " ORDER BY id";
        int unused = 0;
        try (PreparedStatement s = run.db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String mark = text(rs, "lang").toLowerCase(Locale.ROOT);
                String language = run.languages.get(mark);
                String pinyin = text(rs, "tag_pinyin").strip();
                String slug = Slugs.of(text(rs, "tag_name").strip());
                if (language == null || slug.isEmpty() || !PINYIN.matcher(pinyin).matches()) {
                    continue;
                }
                if (entries.tag(language, slug).isEmpty()) {
                    unused++;
                    continue;
                }
                String target = "/" + language + "/tags/" + slug + "/";
                run.redirect("/tag/" + pinyin + "-" + mark, target);
                if (mark.equals(run.defaultMark)) {
                    run.redirect("/tag/" + pinyin, target);
                }
                MetinfoImporter.Placed column = run.placed.get(rs.getLong("cid"));
                String folder = column != null ? column.folder() : MODULE_FOLDERS.getOrDefault(rs.getInt("module"), "search");
                for (String word : new String[] {"content", "searchword"}) {
                    run.redirect("/" + folder + "/index.php?stype=0&search=tag&" + word + "=" + pinyin + "&lang=" + mark,
                            target);
                    run.redirect("/search/index.php?stype=0&search=tag&" + word + "=" + pinyin + "&lang=" + mark, target);
                }
            }
        } catch (SQLException e) {
            run.report.warn(run.table("tags") + " not read (" + e.getMessage() + "): old tag addresses not redirected");
            return;
        }
        if (unused > 0) {
            run.report.warn(unused + " MetInfo tag(s) carried by no imported entry: their old addresses are not redirected");
        }
    }
}
