package org.heraldcms.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.heraldcms.forms.internal.FormRepository;
import org.heraldcms.mail.Mail;
import org.heraldcms.mail.Mailer;
import org.heraldcms.platform.Page;
import org.heraldcms.platform.Timestamps;
import org.heraldcms.site.SiteChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What visitors sent through the forms: read and unread, replies by e-mail, moderation, CSV export. */
@Service
public class Inbox {

    static final Set<String> MODERATION = Set.of("pending", "approved", "rejected");

    private final FormRepository repository;
    private final Mailer mailer;
    private final ApplicationEventPublisher events;

    Inbox(FormRepository repository, Mailer mailer, ApplicationEventPublisher events) {
        this.repository = repository;
        this.mailer = mailer;
        this.events = events;
    }

    /** A form's submissions, newest first. */
    public List<Submission> of(long sectionId) {
        return repository.submissions(sectionId);
    }

    /** A page of a form's submissions, newest first. */
    public Page<Submission> page(long sectionId, int page, int size) {
        return new Page<>(repository.submissions(sectionId, size, Page.offset(page, size)), page, size,
                repository.count(sectionId));
    }

    public long count(long sectionId) {
        return repository.count(sectionId);
    }

    public Optional<Submission> find(long id) {
        return repository.submission(id);
    }

    public long unread(long sectionId) {
        return repository.unread(sectionId);
    }

    @Transactional
    public void markRead(long id, boolean read) {
        repository.markRead(id, read);
    }

    /**
     * Sends {@code text} to the address the visitor gave and keeps it with the submission; a guestbook
     * reply is also shown under the message once approved, and needs no address.
     */
    @Transactional
    public Submission reply(long id, String subject, String text) {
        Submission s = find(id).orElseThrow(() -> new IllegalArgumentException("There is no submission " + id));
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > 10_000) {
            throw new IllegalArgumentException("A reply is 1 to 10000 characters");
        }
        boolean guestbook = !"none".equals(s.moderation());
        if (s.email().isEmpty() && !guestbook) {
            throw new IllegalArgumentException("This submission has no e-mail address to reply to");
        }
        if (!s.email().isEmpty()) {
            mailer.send(new Mail(s.email(), subject, body));
        }
        repository.reply(id, body, Instant.now());
        if ("approved".equals(s.moderation())) {
            events.publishEvent(new SiteChanged("guestbook"));
        }
        return find(id).orElseThrow();
    }

    /** Approves or rejects a guestbook message; an approved one is on the public site at once. */
    @Transactional
    public void moderate(long id, String decision) {
        if (!MODERATION.contains(decision)) {
            throw new IllegalArgumentException("Moderation is pending, approved or rejected");
        }
        Submission s = find(id).orElseThrow(() -> new IllegalArgumentException("There is no submission " + id));
        if ("none".equals(s.moderation())) {
            throw new IllegalArgumentException("Only guestbook messages are moderated");
        }
        repository.moderate(id, decision);
        events.publishEvent(new SiteChanged("guestbook"));
    }

    @Transactional
    public void delete(long id) {
        boolean shown = find(id).map(s -> "approved".equals(s.moderation())).orElse(false);
        repository.deleteSubmission(id);
        if (shown) {
            events.publishEvent(new SiteChanged("guestbook"));
        }
    }

    /** A page of a guestbook's approved messages in a language, newest first. */
    public Page<Submission> approved(long sectionId, String language, int page, int size) {
        return new Page<>(repository.approved(sectionId, language, size, Page.offset(page, size)), page, size,
                repository.countApproved(sectionId, language));
    }

    /**
     * Writes a form's submissions as CSV (RFC 4180): one row each, one column per field. A cell
     * a spreadsheet would take for a formula ({@code = + - @}, tab, carriage return first) gets a
     * leading apostrophe, so opening the export never runs what a visitor typed.
     */
    public void csv(long sectionId, Appendable out) {
        List<Submission> all = of(sectionId);
        // One column per field position; a field's labels in every language sent so far head it.
        java.util.TreeMap<Integer, Set<String>> labels = new java.util.TreeMap<>();
        for (int i = all.size() - 1; i >= 0; i--) { // oldest first: a new message does not reorder the labels
            all.get(i).answers().forEach(a -> labels.computeIfAbsent(a.position(), p -> new LinkedHashSet<>())
                    .add(a.label()));
        }
        List<String> header = new ArrayList<>(List.of("id", "submitted_at", "language", "read", "moderation", "email"));
        labels.values().forEach(names -> header.add(String.join(" / ", names)));
        header.add("reply");
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(header.stream().map(Inbox::inert).toList());
            for (Submission s : all) {
                List<String> row = new ArrayList<>(List.of(Long.toString(s.id()), Timestamps.format(s.submittedAt()),
                        s.language(), s.read() ? "read" : "unread", s.moderation(), s.email()));
                for (Integer position : labels.keySet()) {
                    row.add(s.answers().stream().filter(a -> a.position() == position).map(Answer::value)
                            .findFirst().orElse(""));
                }
                row.add(s.reply());
                csv.printRecord(row.stream().map(Inbox::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell a spreadsheet will not run. */
    static String inert(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
