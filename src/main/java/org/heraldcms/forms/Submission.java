package org.heraldcms.forms;

import java.time.Instant;
import java.util.List;

/**
 * What a visitor sent through a form section.
 *
 * @param moderation {@code pending}, {@code approved} or {@code rejected} for a guestbook message; {@code none} otherwise
 * @param email      the answer to the form's first e-mail field, where a reply goes; empty when there is none
 */
public record Submission(long id, long sectionId, String language, Instant submittedAt, boolean read, String moderation,
                         String email, String reply, Instant repliedAt, List<Answer> answers) {

    public Submission {
        answers = List.copyOf(answers);
    }

    /** The answers a guestbook shows publicly once approved: no e-mail addresses or phone numbers. */
    public List<Answer> publicAnswers() {
        return answers.stream().filter(a -> a.type().shownPublicly()).toList();
    }
}
