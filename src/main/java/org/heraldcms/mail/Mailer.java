package org.heraldcms.mail;

import java.util.List;

/**
 * Sends Herald's e-mail. With {@code spring.mail.host} set it goes through that SMTP server;
 * without it (the default) each message is written to the log and kept in a short in-memory
 * outbox, so a new site works without a mail server and tests can read what was sent.
 */
public interface Mailer {

    void send(Mail mail);

    /** The last messages sent, newest last (at most 100), whichever way they went. */
    List<Mail> recent();
}
