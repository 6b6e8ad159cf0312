package org.heraldcms.migration;

import static org.heraldcms.migration.MetinfoImporter.shortened;
import static org.heraldcms.migration.MetinfoImporter.text;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryStatus;
import org.heraldcms.content.InvalidEntry;
import org.heraldcms.kinds.LinkFields;
import org.heraldcms.kinds.VacancyFields;
import org.heraldcms.media.MediaItem;
import org.heraldcms.migration.MetinfoImporter.Placed;
import org.heraldcms.migration.internal.Checksums;
import org.heraldcms.site.SectionKind;
import org.heraldcms.text.Html;
import org.jsoup.Jsoup;

/**
 * MetInfo's job openings ({@code met_job}) as vacancies, its friendly links ({@code met_link}) as
 * entries of a links section and its home-page banners ({@code met_flash}) as entries of a banners
 * section, within one {@link MetinfoImporter} run.
 */
final class MetinfoListings {

    private static final Map<String, String> LINKS_NAME = Map.of("zh", "友情链接", "ru", "Ссылки");
    private static final Map<String, String> BANNERS_NAME = Map.of("zh", "横幅", "ru", "Баннеры");

    private final MetinfoImporter.Run run;

    MetinfoListings(MetinfoImporter.Run run) {
        this.run = run;
    }

    /**
     * A job becomes a vacancy: position → title, place → duty station, remuneration ({@code deal}) →
     * grade; it closes {@code useful_life} days after it was added, or stays open when that is 0.
     */
    void jobs() throws SQLException {
        String sql = """
                SELECT id, position, count, place, deal, addtime, useful_life, content, class1, class2, class3, email,
                       filename, lang, displaytype, top_ok, access FROM %s ORDER BY id""".formatted(run.table("job"));
        Set<String> filenamesTaken = new LinkedHashSet<>();
        int unplaced = 0;
        try (PreparedStatement s = run.db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                String where = run.table("job") + " id " + id;
                String mark = text(rs, "lang").toLowerCase(Locale.ROOT);
                String language = run.languages.get(mark);
                Placed column = run.columnOf(rs);
                run.step();
                if (language == null || column == null) {
                    run.report.skipped++;
                    run.report.warn(where + " skipped: " + (language == null
                            ? "language '" + mark + "' is not imported" : "its column was not imported"));
                    continue;
                }
                String title = text(rs, "position").isBlank() ? "Untitled " + id : text(rs, "position");
                LocalDate added = rs.getObject("addtime", LocalDate.class);
                int life = rs.getInt("useful_life");
                Instant closes = added != null && life > 0 ? added.plusDays(life).atStartOfDay(run.zone).toInstant() : null;
                String filename = text(rs, "filename");
                EntryStatus status = rs.getInt("displaytype") == 0 ? EntryStatus.DRAFT : EntryStatus.PUBLISHED;
                if (status == EntryStatus.PUBLISHED && run.access.stricterThanSection(mark, text(rs, "access"), column.columnId())) {
                    run.access.keptBack(where, mark, text(rs, "access"));
                    status = EntryStatus.DRAFT;
                }
                EntryDraft draft = new EntryDraft(null, null, language, column.sectionId(), title,
                        filename.isBlank() ? null : WxrImporter.slugOr(filename, title, null), "",
                        run.withCarriedFiles(where, text(rs, "content")), "",
                        "", added == null ? null : added.atStartOfDay(run.zone).toInstant(),
                        status, rs.getInt("top_ok") == 1,
                        List.of(), "", "");
                VacancyFields fields;
                try {
                    fields = new VacancyFields(shortened(text(rs, "deal"), 100), shortened(text(rs, "place"), 200), closes);
                } catch (InvalidEntry e) {
                    run.report.skipped++;
                    run.report.warn(where + " skipped: " + e.getMessage());
                    continue;
                }
                if (rs.getInt("count") > 0 || !text(rs, "email").isBlank()) {
                    unplaced++;
                }
                Entry saved = run.save("job", String.valueOf(id), draft, null, fields,
                        Checksums.of(draft, fields, column), 0);
                if (saved.isPublished()) {
                    run.oldAddresses(column, "showjob.php", id, mark, filename, saved, filenamesTaken);
                }
            }
        }
        if (unplaced > 0) {
            run.report.warn(unplaced + " job(s) name a head count or an application e-mail: Herald's vacancies have"
                    + " neither, so add them to the text where they matter");
        }
    }

    /**
     * Friendly links go to the language's links column when MetInfo has one, else to a "links"
     * section made for them; MetInfo shows the highest {@code orderno} first, and so does Herald.
     * A link not yet approved ({@code show_ok} 0) comes across as a draft.
     */
    void links() throws SQLException {
        String sql = """
                SELECT id, webname, weburl, weblogo, link_type, info, orderno, com_ok, show_ok, addtime, lang
                FROM %s ORDER BY lang, orderno DESC, id""".formatted(run.table("link"));
        Map<String, Integer> positions = new HashMap<>();
        try (PreparedStatement s = run.db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                String where = run.table("link") + " id " + id;
                String mark = text(rs, "lang").toLowerCase(Locale.ROOT);
                String language = run.languages.get(mark);
                run.step();
                if (language == null) {
                    run.report.skipped++;
                    run.report.warn(where + " skipped: language '" + mark + "' is not imported");
                    continue;
                }
                long section = linksSection(mark, language);
                String url = address(text(rs, "weburl"));
                String image = "";
                if (rs.getInt("link_type") == 1) {
                    image = run.file(where, text(rs, "weblogo"), true).map(MediaItem::storedName).orElse("");
                }
                LinkFields fields;
                try {
                    fields = new LinkFields(url, image, positions.merge(language, 1, Integer::sum), null);
                } catch (InvalidEntry e) {
                    run.report.skipped++;
                    run.report.warn(where + " ('" + text(rs, "webname") + "') skipped: " + e.getMessage());
                    continue;
                }
                String title = text(rs, "webname").isBlank() ? url : shortened(text(rs, "webname"), 200);
                String info = text(rs, "info").strip();
                LocalDateTime added = rs.getObject("addtime", LocalDateTime.class);
                EntryDraft draft = new EntryDraft(null, null, language, section, title, null, "",
                        info.isEmpty() ? "" : "<p>" + Html.escape(info) + "</p>", "", "",
                        added == null ? null : added.atZone(run.zone).toInstant(),
                        rs.getInt("show_ok") == 1 ? EntryStatus.PUBLISHED : EntryStatus.DRAFT, rs.getInt("com_ok") == 1,
                        List.of(), "", "");
                run.save("link", String.valueOf(id), draft, null, fields, Checksums.of(draft, fields), 0);
            }
        }
    }

    /**
     * Home-page banners go to a banners section per language: the {@code met_flash} rows MetInfo's
     * home page shows (its {@code module} names the home page, 10001, or every page,
     * {@code metinfo}; not the mobile-only ones), in its order ({@code no_order}, then the newest
     * first), their picture carried from the upload folder; a banner without a link points at the
     * language's home page. Banners of other columns only, or for mobiles only, are counted, not
     * imported: Herald shows one set of banners, on the home page.
     */
    void banners() throws SQLException {
        String sql = """
                SELECT id, module, img_title, img_path, img_link, img_des, no_order, wap_ok, lang
                FROM %s ORDER BY lang, no_order, id DESC""".formatted(run.table("flash"));
        Map<String, Integer> positions = new HashMap<>();
        int elsewhere = 0;
        try (PreparedStatement s = run.db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                String where = run.table("flash") + " id " + id;
                String mark = text(rs, "lang").toLowerCase(Locale.ROOT);
                String language = run.languages.get(mark);
                if (language == null) {
                    run.report.skipped++;
                    run.report.warn(where + " skipped: language '" + mark + "' is not imported");
                    continue;
                }
                String module = text(rs, "module").strip();
                if (!(module.contains(",10001,") || module.equals("metinfo")) || rs.getInt("wap_ok") != 0) {
                    elsewhere++;
                    continue;
                }
                String title = shortened(Jsoup.parse(text(rs, "img_title")).text(), 200);
                if (title.isEmpty()) {
                    title = "Banner " + id;
                }
                String image = run.file(where, text(rs, "img_path"), true).map(MediaItem::storedName).orElse("");
                if (image.isEmpty()) {
                    run.report.skipped++;
                    run.report.warn(where + " ('" + title + "') skipped: its picture was not carried");
                    continue;
                }
                String url = address(text(rs, "img_link"));
                LinkFields fields;
                try {
                    fields = new LinkFields(url.isEmpty() ? "/" + language + "/" : url, image,
                            positions.merge(language, 1, Integer::sum), null);
                } catch (InvalidEntry e) {
                    run.report.skipped++;
                    run.report.warn(where + " ('" + title + "') skipped: " + e.getMessage());
                    continue;
                }
                String description = Jsoup.parse(text(rs, "img_des")).text().strip();
                long section = run.ownSection("banners:" + mark, SectionKind.BANNERS, language,
                        BANNERS_NAME.getOrDefault(language, "Banners"), "banners");
                EntryDraft draft = new EntryDraft(null, null, language, section, title, null, shortened(description, 500),
                        "", "", "", null, EntryStatus.PUBLISHED, false, List.of(), "", "");
                run.save("banner", String.valueOf(id), draft, null, fields, Checksums.of(draft, fields), 0);
            }
        } catch (SQLException e) {
            if (!positions.isEmpty() || elsewhere > 0) {
                throw e;
            }
            run.report.warn(run.table("flash") + " not read (" + e.getMessage() + "): no banners imported");
            return;
        }
        if (elsewhere > 0) {
            run.report.warn(elsewhere + " banner(s) of other columns or for mobiles only not imported: Herald shows"
                    + " banners on the home page");
        }
    }

    /** A link as MetInfo takes it, "www.example.org" made "http://www.example.org". */
    private static String address(String raw) {
        String url = raw.strip();
        return url.isEmpty() || url.startsWith("/") || url.matches("(?i)[a-z][a-z0-9+.-]*:.*") ? url : "http://" + url;
    }

    private long linksSection(String mark, String language) {
        return run.placedOf(9).stream().filter(p -> p.mark().equals(mark)).findFirst().map(Placed::sectionId)
                .orElseGet(() -> {
                    long id = run.ownSection("links:" + mark, SectionKind.LINK, language,
                            LINKS_NAME.getOrDefault(language, "Links"), "links");
                    String list = run.listPath(id, language);
                    run.redirect("/link/index.php?lang=" + mark, list);
                    if (mark.equals(run.defaultMark)) {
                        run.redirect("/link/", list);
                    }
                    return id;
                });
    }
}
