package org.heraldcms.mail;

import java.util.Objects;

/** One plain-text e-mail Herald sends: a password-reset link, a reply to a feedback message. */
public record Mail(String to, String subject, String text) {

    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        if (to.isBlank() || to.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("not an e-mail address: " + to);
        }
        // A subject is one header line: a line break in it would let a caller write headers.
        subject = subject.replaceAll("[\\r\\n]+", " ");
    }
}
