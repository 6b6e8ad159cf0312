package org.heraldcms.forms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.regex.Pattern;

import org.heraldcms.forms.internal.FormRepository;
import org.heraldcms.platform.Ids;
import org.heraldcms.platform.RateLimit;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.SiteChanged;
import org.heraldcms.site.Sections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fields of feedback and guestbook sections, and what visitors send through them: checked
 * field by field (required, length, e-mail, phone, choices), limited per address and overall.
 */
@Service
public class Forms {

    /** The hidden field that people leave empty and form-filling robots do not. */
    public static final String HONEYPOT = "website";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,40}");
    private static final int MAX_FIELDS = 50;

    private final FormRepository repository;
    private final Sections sections;
    private final RateLimit perAddress;
    private final RateLimit overall;
    private final ApplicationEventPublisher events;

    Forms(FormRepository repository, Sections sections, ApplicationEventPublisher events,
          @Value("${herald.forms.per-address:5}") int perAddress,
          @Value("${herald.forms.per-address-window:PT10M}") Duration perAddressWindow,
          @Value("${herald.forms.overall:60}") int overall) {
        this.repository = repository;
        this.sections = sections;
        this.events = events;
        this.perAddress = new RateLimit(perAddress, perAddressWindow, Clock.systemUTC());
        this.overall = new RateLimit(overall, Duration.ofMinutes(1), Clock.systemUTC());
    }

    /** The form section with this id; fails for a section that is not a form. */
    public Section formSection(long sectionId) {
        return sections.byId(sectionId).filter(s -> s.kind().isForm())
                .orElseThrow(() -> new IllegalArgumentException("Section " + sectionId + " is not a form"));
    }

    public List<Section> formSections() {
        return sections.all().stream().filter(s -> s.kind().isForm()).toList();
    }

    public List<FormField> fields(long sectionId) {
        return repository.fields(sectionId);
    }

    /**
     * Adds a field to a form.
     *
     * @param labels  language → label; at least one
     * @param options language → the choices of a select field, one per line
     */
    @Transactional
    public FormField addField(long sectionId, FieldType type, boolean required, int position, Map<String, String> labels,
                              Map<String, String> options) {
        formSection(sectionId);
        if (fields(sectionId).size() >= MAX_FIELDS) {
            throw new IllegalArgumentException("A form has at most " + MAX_FIELDS + " fields");
        }
        Map<String, FormField.Label> byLanguage = new LinkedHashMap<>();
        labels.forEach((language, label) -> {
            String text = label == null ? "" : label.strip();
            if (!text.isEmpty()) {
                List<String> choices = options.getOrDefault(language, "").lines().map(String::strip)
                        .filter(o -> !o.isEmpty()).map(o -> o.length() > 200 ? o.substring(0, 200) : o).toList();
                byLanguage.put(language, new FormField.Label(text.length() > 200 ? text.substring(0, 200) : text, choices));
            }
        });
        if (byLanguage.isEmpty()) {
            throw new IllegalArgumentException("Give the field a label in at least one language");
        }
        if (type == FieldType.SELECT && byLanguage.values().stream().anyMatch(l -> l.options().isEmpty())) {
            throw new IllegalArgumentException("A select field needs its choices, one per line, in each language");
        }
        FormField field = new FormField(Ids.next(), sectionId, position, type, required, byLanguage);
        repository.insertField(field);
        return field;
    }

    @Transactional
    public void deleteField(long fieldId) {
        repository.deleteField(fieldId);
    }

    /** Counts one submission from {@code address}; false when it or the whole site has sent too many lately. */
    public boolean allowed(String address) {
        return perAddress.tryAcquire(address == null ? "" : address) && overall.tryAcquire("*");
    }

    /** Checks a visitor's answers ({@code params}: input name → text) against the form in a language. */
    public FormInput check(long sectionId, String language, Map<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FormField field : fields(sectionId)) {
            String name = field.inputName();
            String value = clean(params.get(name), field.type());
            values.put(name, value);
            String error = problem(field, field.in(language), value);
            if (error != null) {
                errors.put(name, error);
            }
        }
        return new FormInput(values, errors);
    }

    /** Stores checked input; a guestbook message waits for moderation. */
    @Transactional
    public Submission submit(long sectionId, String language, FormInput input) {
        if (!input.valid()) {
            throw new IllegalArgumentException("The input has errors: " + input.errors().keySet());
        }
        Section section = formSection(sectionId);
        List<Answer> answers = new ArrayList<>();
        String email = "";
        int position = 0;
        for (FormField field : fields(sectionId)) {
            String value = input.values().getOrDefault(field.inputName(), "");
            answers.add(new Answer(position++, field.type(), field.in(language).text(), value));
            if (email.isEmpty() && field.type() == FieldType.EMAIL) {
                email = value;
            }
        }
        Submission submission = new Submission(Ids.next(), sectionId, language, Instant.now(), false,
                section.kind() == SectionKind.GUESTBOOK ? "pending" : "none", email, "", null, answers);
        repository.insertSubmission(submission);
        return submission;
    }

    /**
     * Keeps a submission carried over from another system as it was sent then: its answers are
     * cleaned like a visitor's (control characters, length) but not checked against today's fields.
     *
     * A copy replacing an earlier one keeps what was done in Herald since: read stays read, and a
     * reply sent from Herald's inbox is kept over the other system's.
     *
     * @param replacing  the id of an earlier carried-over copy to replace, or null for a new one
     * @param moderation for a guestbook message: {@code approved} (shown publicly), {@code pending}
     *                   or {@code rejected}; ignored for other forms
     * @param reply      the answer already given, or ""
     */
    @Transactional
    public Submission carryOver(Long replacing, long sectionId, String language, Instant submittedAt, boolean read,
                                String moderation, List<Answer> answers, String reply) {
        Section section = formSection(sectionId);
        boolean guestbook = section.kind() == SectionKind.GUESTBOOK;
        List<Answer> kept = new ArrayList<>();
        String email = "";
        for (Answer a : answers) {
            FieldType type = a.type() == FieldType.CHECKBOX ? FieldType.TEXT : a.type();
            String value = clean(a.value(), FieldType.TEXTAREA);
            kept.add(new Answer(a.position(), type, clean(a.label(), FieldType.TEXT), value));
            if (email.isEmpty() && type == FieldType.EMAIL && EMAIL.matcher(value).matches()) {
                email = value;
            }
        }
        String answer = clean(reply, FieldType.TEXTAREA);
        answer = answer.length() > 10_000 ? answer.substring(0, 10_000) : answer;
        Optional<Submission> earlier = replacing == null ? Optional.empty() : repository.submission(replacing);
        String decided = !guestbook ? "none" : Inbox.MODERATION.contains(moderation) ? moderation : "pending";
        Instant repliedAt = answer.isEmpty() ? null : submittedAt;
        Optional<Submission> repliedHere = earlier.filter(e -> e.repliedAt() != null && !e.repliedAt().equals(e.submittedAt()));
        if (repliedHere.isPresent()) {
            answer = repliedHere.get().reply();
            repliedAt = repliedHere.get().repliedAt();
        }
        if (replacing != null) {
            repository.deleteSubmission(replacing);
        }
        Submission submission = new Submission(replacing == null ? Ids.next() : replacing, sectionId, language,
                submittedAt, read || earlier.map(Submission::read).orElse(false), decided, email, answer, repliedAt,
                kept);
        repository.insertSubmission(submission);
        if (guestbook && ("approved".equals(decided) || earlier.filter(e -> "approved".equals(e.moderation())).isPresent())) {
            events.publishEvent(new SiteChanged("guestbook"));
        }
        return submission;
    }

    private static String problem(FormField field, FormField.Label label, String value) {
        if (value.isEmpty()) {
            return field.required() ? "form.error.required" : null;
        }
        if (value.codePointCount(0, value.length()) > field.type().maxLength) {
            return "form.error.tooLong";
        }
        return switch (field.type()) {
            case EMAIL -> EMAIL.matcher(value).matches() ? null : "form.error.email";
            case PHONE -> PHONE.matcher(value).matches() ? null : "form.error.phone";
            case SELECT -> label.options().contains(value) ? null : "form.error.choice";
            default -> null;
        };
    }

    /** Line breaks made uniform, other control characters dropped, ends trimmed; a checkbox is "yes" or "". */
    static String clean(String raw, FieldType type) {
        if (type == FieldType.CHECKBOX) {
            return raw == null || raw.isEmpty() ? "" : "yes";
        }
        if (raw == null) {
            return "";
        }
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(Math.min(text.length(), 20_000));
        text.codePoints().limit(20_000).filter(c -> c == '\n' && type == FieldType.TEXTAREA || c == '\t'
                || !Character.isISOControl(c)).map(c -> c == '\t' || c == '\n' && type != FieldType.TEXTAREA ? ' ' : c)
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }
}
