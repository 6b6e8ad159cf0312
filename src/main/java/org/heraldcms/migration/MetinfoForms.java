package org.heraldcms.migration;

import static org.heraldcms.migration.MetinfoImporter.text;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.heraldcms.forms.Answer;
import org.heraldcms.forms.FieldType;
import org.heraldcms.forms.FormField;
import org.heraldcms.forms.Forms;
import org.heraldcms.forms.Inbox;
import org.heraldcms.forms.Submission;
import org.heraldcms.migration.MetinfoImporter.Placed;
import org.heraldcms.migration.internal.Checksums;
import org.heraldcms.migration.internal.ImportLedger;
import org.jsoup.Jsoup;

/**
 * MetInfo's guestbook ({@code met_message}, module 7) and feedback ({@code met_feedback}, module 8)
 * within one {@link MetinfoImporter} run: each form column's fields ({@code met_parameter}, choices
 * in {@code met_para}) become the fields of its Herald form, and every message with its answers
 * ({@code met_mlist}, {@code met_flist}) lands in the inbox, read or unread as it was, a guestbook
 * message approved where MetInfo showed it ({@code checkok}), the site's reply ({@code useinfo}) kept.
 */
final class MetinfoForms {

    /** A field as the answers of a form column refer to it ({@code paraid}). */
    private record Asked(int position, FieldType type, String label) {
    }

    private final MetinfoImporter.Run run;
    private final Forms forms;
    private final Inbox inbox;
    private int deletedHere;
    private int heldBackReplies;

    MetinfoForms(MetinfoImporter.Run run, Forms forms, Inbox inbox) {
        this.run = run;
        this.forms = forms;
        this.inbox = inbox;
    }

    void all() throws SQLException {
        Map<String, Placed> guestbooks = new HashMap<>();
        Map<Long, Map<Long, Asked>> fields = new HashMap<>();
        for (Placed p : run.placedOf(7)) {
            if (guestbooks.putIfAbsent(p.mark(), p) == null) {
                fields.put(p.sectionId(), fields(p, 7));
            } else {
                run.report.warn("column " + p.columnId() + ": a second guestbook in '" + p.mark()
                        + "'; MetInfo's messages go to the first");
            }
        }
        for (Placed p : run.placedOf(8)) {
            fields.put(p.sectionId(), fields(p, 8));
        }
        messages(guestbooks, fields);
        feedback(fields);
        if (heldBackReplies > 0) {
            run.report.warn(heldBackReplies + " guestbook reply(ies) MetInfo showed to members only were not carried:"
                    + " Herald shows a guestbook's replies to everyone");
        }
        if (deletedHere > 0) {
            run.report.warn(deletedHere + " message(s) deleted from Herald's inbox since an earlier import: not brought back");
        }
    }

    /** The fields of a form column, made once; {@code paraid} → the field. */
    private Map<Long, Asked> fields(Placed form, int module) throws SQLException {
        String sql = "SELECT id, name, type, wr_ok FROM " + run.table("parameter")
                + " WHERE module = ? AND lang = ?" + (module == 8 ? " AND class1 IN (0, ?)" : "") + " ORDER BY no_order, id";
        Map<Long, Asked> out = new LinkedHashMap<>();
        try (PreparedStatement s = run.db.prepareStatement(sql)) {
            s.setInt(1, module);
            s.setString(2, form.mark());
            if (module == 8) {
                s.setLong(3, form.columnId());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    String name = MetinfoImporter.shortened(text(rs, "name"), 200);
                    List<String> choices = choices(id);
                    FieldType type = switch (rs.getInt("type")) {
                        case 2, 6 -> choices.isEmpty() ? FieldType.TEXT : FieldType.SELECT;
                        case 3 -> FieldType.TEXTAREA;
                        case 8 -> FieldType.PHONE;
                        case 9 -> FieldType.EMAIL;
                        default -> FieldType.TEXT; // text; several checkboxes, a file, a region: kept as text
                    };
                    Optional<FormField> field = field(form, id, type, rs.getInt("wr_ok") == 1, out.size() + 1, name, choices);
                    field.ifPresent(f -> out.put(id, new Asked(f.position(), f.type(), name.isEmpty() ? f.in(form.language()).text() : name)));
                }
            }
        }
        return out;
    }

    private Optional<FormField> field(Placed form, long parameter, FieldType type, boolean required, int position,
                                      String name, List<String> choices) {
        String key = parameter + ":" + form.sectionId();
        Optional<FormField> known = run.ledgerFind("parameter", key).flatMap(m ->
                forms.fields(form.sectionId()).stream().filter(f -> f.id() == m.targetId()).findFirst());
        if (known.isPresent()) {
            return known;
        }
        try {
            FormField made = forms.addField(form.sectionId(), type, required, position, Map.of(form.language(), name),
                    Map.of(form.language(), String.join("\n", choices)));
            run.ledgerPut("parameter", key, made.id());
            return Optional.of(made);
        } catch (IllegalArgumentException e) {
            run.report.warn(run.table("parameter") + " id " + parameter + " ('" + name + "') not made a field: "
                    + e.getMessage() + "; its answers are left out");
            return Optional.empty();
        }
    }

    private List<String> choices(long parameter) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = run.db.prepareStatement(
                "SELECT value FROM " + run.table("para") + " WHERE pid = ? ORDER BY `order`, id")) {
            s.setLong(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (!text(rs, "value").isBlank()) {
                        out.add(text(rs, "value").strip());
                    }
                }
            }
        }
        return out;
    }

    private void messages(Map<String, Placed> guestbooks, Map<Long, Map<Long, Asked>> fields) throws SQLException {
        String sql = "SELECT id, addtime, readok, useinfo, checkok, lang, access FROM " + run.table("message") + " ORDER BY id";
        try (PreparedStatement s = run.db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                run.step();
                long id = rs.getLong("id");
                Placed guestbook = guestbooks.get(text(rs, "lang").toLowerCase(Locale.ROOT));
                if (guestbook == null) {
                    run.report.skipped++;
                    run.report.warn(run.table("message") + " id " + id + " skipped: no imported guestbook column in '"
                            + text(rs, "lang") + "'");
                    continue;
                }
                keep("message", id, guestbook, fields.get(guestbook.sectionId()), rs, rs.getInt("checkok") == 1,
                        answers("mlist", id, fields.get(guestbook.sectionId())));
            }
        }
    }

    private void feedback(Map<Long, Map<Long, Asked>> fields) throws SQLException {
        Map<Long, Placed> byColumn = new HashMap<>();
        run.placedOf(8).forEach(p -> byColumn.put(p.columnId(), p));
        String sql = "SELECT id, class1, addtime, readok, useinfo, lang FROM " + run.table("feedback") + " ORDER BY id";
        try (PreparedStatement s = run.db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                run.step();
                long id = rs.getLong("id");
                Placed form = byColumn.get(rs.getLong("class1"));
                if (form == null) {
                    run.report.skipped++;
                    run.report.warn(run.table("feedback") + " id " + id + " skipped: its column " + rs.getLong("class1")
                            + " was not imported");
                    continue;
                }
                keep("feedback", id, form, fields.get(form.sectionId()), rs, false,
                        answers("flist", id, fields.get(form.sectionId())));
            }
        }
    }

    /** The answers to one message, in the order of the form's fields; answers to unknown fields are left out. */
    private List<Answer> answers(String table, long listId, Map<Long, Asked> asked) throws SQLException {
        List<Answer> out = new ArrayList<>();
        try (PreparedStatement s = run.db.prepareStatement(
                "SELECT paraid, info FROM " + run.table(table) + " WHERE listid = ? ORDER BY id")) {
            s.setLong(1, listId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Asked a = asked.get(rs.getLong("paraid"));
                    if (a != null) {
                        out.add(new Answer(a.position(), a.type(), a.label(), text(rs, "info")));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Answer::position));
        return out;
    }

    /**
     * Carries one message over, or replaces its earlier copy when it changed in MetInfo. What was
     * decided in Herald since stays: a message deleted there is not brought back, and a moderation
     * other than the one the last import wrote (kept after the checksum in the ledger) is Herald's.
     */
    private void keep(String kind, long id, Placed form, Map<Long, Asked> asked, ResultSet rs, boolean approved,
                      List<Answer> answers) throws SQLException {
        LocalDateTime added = rs.getObject("addtime", LocalDateTime.class);
        Instant at = added == null ? Instant.EPOCH : added.atZone(run.zone).toInstant();
        boolean read = rs.getInt("readok") == 1;
        String reply = text(rs, "useinfo");
        if (reply.contains("<")) {
            reply = Jsoup.parse(reply).wholeText(); // MetInfo's reply box is rich text in some versions
        }
        if (kind.equals("message") && !reply.isBlank()
                && run.access.stricterThanSection(form.mark(), text(rs, "access"), form.columnId())) {
            reply = ""; // MetInfo showed this reply to members only; Herald shows a guestbook's replies to all
            heldBackReplies++;
        }
        String checksum = Checksums.of(at, read, approved, reply, answers, form.sectionId());
        Optional<ImportLedger.Mapped> mapped = run.ledgerFind(kind, String.valueOf(id));
        Optional<Submission> earlier = mapped.flatMap(m -> inbox.find(m.targetId()));
        if (mapped.isPresent() && earlier.isEmpty()) { // deleted in Herald (spam, say): a re-run does not undo that
            deletedHere++;
            return;
        }
        String stored = mapped.map(ImportLedger.Mapped::checksum).orElse("");
        int bar = stored.lastIndexOf('|');
        if (earlier.isPresent() && (bar < 0 ? stored : stored.substring(0, bar)).equals(checksum)) {
            return;
        }
        String moderation = approved ? "approved" : "pending";
        String lastWritten = bar < 0 ? null : stored.substring(bar + 1);
        if (earlier.isPresent() && lastWritten != null && !earlier.get().moderation().equals(lastWritten)) {
            moderation = earlier.get().moderation(); // moderated in Herald since the last import
        } else if (earlier.isPresent() && lastWritten == null && earlier.get().moderation().equals("rejected")) {
            moderation = "rejected"; // a ledger row from before moderation was remembered: a rejection is Herald's
        }
        Submission kept = forms.carryOver(earlier.map(Submission::id).orElse(null), form.sectionId(), form.language(), at,
                read, moderation, answers, reply);
        run.ledgerPut(kind, String.valueOf(id), kept.id(), checksum + "|" + kept.moderation());
        run.report.submissions++;
    }
}
