package org.heraldcms.publishing.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heraldcms.forms.FieldType;
import org.heraldcms.forms.FormField;
import org.heraldcms.forms.FormInput;
import org.heraldcms.forms.Forms;
import org.heraldcms.forms.Inbox;
import org.heraldcms.forms.Submission;
import org.heraldcms.platform.Page;
import org.heraldcms.site.Language;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Site;
import org.springframework.stereotype.Component;

/**
 * Renders the public pages of forms and members: a feedback or guestbook section (its form, and for a
 * guestbook the approved messages), the thank-you page, the member sign-in page and the prompt shown
 * in place of a members-only section. What a visitor typed is only ever shown escaped.
 */
@Component
public class FormView {

    public static final int MESSAGES_PER_PAGE = 10;

    private final Theme theme;
    private final Frame frame;
    private final Forms forms;
    private final Inbox inbox;

    FormView(Theme theme, Frame frame, Forms forms, Inbox inbox) {
        this.theme = theme;
        this.frame = frame;
        this.inbox = inbox;
        this.forms = forms;
    }

    /** One field as the template shows it. */
    public record FieldView(String name, String label, String type, boolean required, List<String> options,
                            String value, String error, int maxLength) {
    }

    /** One approved guestbook message. */
    public record MessageView(String date, String isoDate, List<Links.Link> answers, String reply) {
    }

    /** The CSRF field every form carries. */
    public record Csrf(String name, String token) {
    }

    /**
     * A form section's page.
     *
     * @param input   what the visitor sent, to show again with its errors; null for a fresh form
     * @param problem a message key for the whole form (refused as automated, too many), or null
     */
    public String form(Site site, Language language, Section section, int pageNumber, Csrf csrf, FormInput input,
                       String problem) {
        String tag = language.tag();
        String base = section.listPath(tag);
        Map<String, String> translations = new LinkedHashMap<>();
        section.names().keySet().forEach(other -> translations.put(other, section.listPath(other)));
        Map<String, Object> model = frame.model(site, language, base + Pages.pageSuffix(pageNumber), translations, section);
        model.put("section", section.in(tag).orElseThrow());
        model.put("guestbook", section.kind() == SectionKind.GUESTBOOK);
        model.put("action", "/" + tag + "/forms/" + section.id());
        model.put("csrf", csrf);
        model.put("honeypot", Forms.HONEYPOT);
        model.put("problem", problem);
        model.put("fields", forms.fields(section.id()).stream().map(f -> field(f, tag, input)).toList());
        if (section.kind() == SectionKind.GUESTBOOK) {
            Page<Submission> page = inbox.approved(section.id(), tag, pageNumber, MESSAGES_PER_PAGE);
            if (pageNumber > 1 && pageNumber > page.totalPages()) {
                throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
            }
            model.put("messages", page.items().stream().map(s -> new MessageView(
                    Frame.shown(s.submittedAt(), site.timeZone()), Frame.iso(s.submittedAt(), site.timeZone()),
                    s.publicAnswers().stream().filter(a -> !a.value().isEmpty())
                            .map(a -> new Links.Link(a.label(), a.value())).toList(),
                    s.reply())).toList());
            model.put("pager", new Links.Pager(page.number(), page.totalPages(),
                    page.hasPrevious() ? base + Pages.pageSuffix(page.number() - 1) : null,
                    page.hasNext() ? base + Pages.pageSuffix(page.number() + 1) : null));
        }
        return theme.render("form", model, language.locale());
    }

    public String thanks(Site site, Language language, Section section) {
        String path = section.listPath(language.tag()) + "thanks";
        Map<String, Object> model = frame.model(site, language, path, Map.of(language.tag(), path), section);
        model.put("section", section.in(language.tag()).orElseThrow());
        model.put("back", section.listPath(language.tag()));
        model.put("guestbook", section.kind() == SectionKind.GUESTBOOK);
        return theme.render("thanks", model, language.locale());
    }

    /** The member sign-in page; {@code memberName} set when someone is signed in already. */
    public String signIn(Site site, Language language, Csrf csrf, String next, String username, String problem,
                         String memberName) {
        String path = "/" + language.tag() + "/account/sign-in";
        Map<String, Object> model = frame.model(site, language, path, Map.of(language.tag(), path), null);
        model.put("csrf", csrf);
        model.put("next", next);
        model.put("username", username);
        model.put("problem", problem);
        model.put("memberName", memberName);
        model.put("signOut", "/" + language.tag() + "/account/sign-out");
        return theme.render("sign-in", model, language.locale());
    }

    /** Shown instead of a members-only section to everyone else. */
    public String membersOnly(Site site, Language language, Section section) {
        String path = section.listPath(language.tag());
        Map<String, Object> model = frame.model(site, language, path, Map.of(language.tag(), path), section);
        model.put("section", section.in(language.tag()).orElseThrow());
        model.put("signIn", "/" + language.tag() + "/account/sign-in");
        return theme.render("members-only", model, language.locale());
    }

    private static FieldView field(FormField f, String language, FormInput input) {
        FormField.Label label = f.in(language);
        String value = input == null ? "" : input.values().getOrDefault(f.inputName(), "");
        String error = input == null ? null : input.errors().get(f.inputName());
        return new FieldView(f.inputName(), label.text(), f.type().code(), f.required(), label.options(), value, error,
                f.type() == FieldType.CHECKBOX ? 3 : f.type().maxLength);
    }
}
