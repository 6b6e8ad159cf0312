package org.heraldcms.forms.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heraldcms.forms.Answer;
import org.heraldcms.forms.FieldType;
import org.heraldcms.forms.FormField;
import org.heraldcms.forms.Submission;
import org.heraldcms.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class FormRepository {

    private static final String SUBMISSION = "SELECT id, section_id, language, submitted_at, status, moderation, email,"
            + " reply, replied_at FROM form_submission";

    private final JdbcClient jdbc;

    FormRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<FormField> fields(long sectionId) {
        Map<Long, Map<String, FormField.Label>> labels = new HashMap<>();
        jdbc.sql("SELECT l.field_id, l.language, l.label, l.options FROM form_field_label l"
                        + " JOIN form_field f ON f.id = l.field_id WHERE f.section_id = ?")
                .param(sectionId)
                .query(rs -> {
                    labels.computeIfAbsent(rs.getLong("field_id"), id -> new LinkedHashMap<>()).put(rs.getString("language"),
                            new FormField.Label(rs.getString("label"), rs.getString("options").lines().toList()));
                });
        return jdbc.sql("SELECT id, section_id, position, type, required FROM form_field WHERE section_id = ?"
                        + " ORDER BY position, id")
                .param(sectionId)
                .query((rs, n) -> new FormField(rs.getLong("id"), rs.getLong("section_id"), rs.getInt("position"),
                        FieldType.of(rs.getString("type")), rs.getBoolean("required"),
                        labels.getOrDefault(rs.getLong("id"), Map.of())))
                .list();
    }

    public void insertField(FormField f) {
        jdbc.sql("INSERT INTO form_field (id, section_id, position, type, required, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(f.id(), f.sectionId(), f.position(), f.type().code(), f.required(), Timestamps.now()).update();
        f.labels().forEach((language, label) -> jdbc.sql(
                        "INSERT INTO form_field_label (field_id, language, label, options) VALUES (?, ?, ?, ?)")
                .params(f.id(), language, label.text(), String.join("\n", label.options())).update());
    }

    public void deleteField(long id) {
        jdbc.sql("DELETE FROM form_field_label WHERE field_id = ?").param(id).update();
        jdbc.sql("DELETE FROM form_field WHERE id = ?").param(id).update();
    }

    public void insertSubmission(Submission s) {
        jdbc.sql("INSERT INTO form_submission (id, section_id, language, submitted_at, status, moderation, email, reply,"
                        + " replied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.sectionId(), s.language(), Timestamps.format(s.submittedAt()), s.read() ? "read" : "unread",
                        s.moderation(), s.email(), s.reply(), s.repliedAt() == null ? null : Timestamps.format(s.repliedAt()))
                .update();
        for (Answer a : s.answers()) {
            jdbc.sql("INSERT INTO form_answer (submission_id, position, field_type, label, answer) VALUES (?, ?, ?, ?, ?)")
                    .params(s.id(), a.position(), a.type().code(), a.label(), a.value()).update();
        }
    }

    public List<Submission> submissions(long sectionId) {
        return withAnswers(jdbc.sql(SUBMISSION + " WHERE section_id = ? ORDER BY submitted_at DESC, id DESC")
                .param(sectionId).query(FormRepository::submission).list());
    }

    public List<Submission> submissions(long sectionId, int limit, long offset) {
        return withAnswers(jdbc.sql(SUBMISSION + " WHERE section_id = :section ORDER BY submitted_at DESC, id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .param("section", sectionId).param("limit", limit).param("offset", offset)
                .query(FormRepository::submission).list());
    }

    public long count(long sectionId) {
        return jdbc.sql("SELECT COUNT(*) FROM form_submission WHERE section_id = ?").param(sectionId)
                .query(Long.class).single();
    }

    public Optional<Submission> submission(long id) {
        return withAnswers(jdbc.sql(SUBMISSION + " WHERE id = ?").param(id).query(FormRepository::submission).list())
                .stream().findFirst();
    }

    public long unread(long sectionId) {
        return jdbc.sql("SELECT COUNT(*) FROM form_submission WHERE section_id = ? AND status = 'unread'")
                .param(sectionId).query(Long.class).single();
    }

    public List<Submission> approved(long sectionId, String language, int limit, long offset) {
        return withAnswers(jdbc.sql(SUBMISSION + " WHERE section_id = :section AND language = :language"
                        + " AND moderation = 'approved' ORDER BY submitted_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("section", sectionId).param("language", language).param("limit", limit).param("offset", offset)
                .query(FormRepository::submission).list());
    }

    public long countApproved(long sectionId, String language) {
        return jdbc.sql("SELECT COUNT(*) FROM form_submission WHERE section_id = ? AND language = ?"
                        + " AND moderation = 'approved'")
                .params(sectionId, language).query(Long.class).single();
    }

    public void markRead(long id, boolean read) {
        jdbc.sql("UPDATE form_submission SET status = ? WHERE id = ?").params(read ? "read" : "unread", id).update();
    }

    public void reply(long id, String text, Instant at) {
        jdbc.sql("UPDATE form_submission SET reply = ?, replied_at = ?, status = 'read' WHERE id = ?")
                .params(text, Timestamps.format(at), id).update();
    }

    public void moderate(long id, String decision) {
        jdbc.sql("UPDATE form_submission SET moderation = ? WHERE id = ?").params(decision, id).update();
    }

    public void deleteSubmission(long id) {
        jdbc.sql("DELETE FROM form_answer WHERE submission_id = ?").param(id).update();
        jdbc.sql("DELETE FROM form_submission WHERE id = ?").param(id).update();
    }

    private List<Submission> withAnswers(List<Submission> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Answer>> answers = new HashMap<>();
        jdbc.sql("SELECT submission_id, position, field_type, label, answer FROM form_answer"
                        + " WHERE submission_id IN (:ids) ORDER BY submission_id, position")
                .param("ids", rows.stream().map(Submission::id).toList())
                .query(rs -> {
                    answers.computeIfAbsent(rs.getLong("submission_id"), id -> new ArrayList<>())
                            .add(new Answer(rs.getInt("position"), FieldType.of(rs.getString("field_type")),
                                    rs.getString("label"), rs.getString("answer")));
                });
        return rows.stream().map(s -> new Submission(s.id(), s.sectionId(), s.language(), s.submittedAt(), s.read(),
                s.moderation(), s.email(), s.reply(), s.repliedAt(), answers.getOrDefault(s.id(), List.of()))).toList();
    }

    private static Submission submission(ResultSet rs, int row) throws SQLException {
        return new Submission(rs.getLong("id"), rs.getLong("section_id"), rs.getString("language"),
                Timestamps.parse(rs.getString("submitted_at")), "read".equals(rs.getString("status")),
                rs.getString("moderation"), rs.getString("email"), rs.getString("reply"),
                Timestamps.parse(rs.getString("replied_at")), List.of());
    }
}
