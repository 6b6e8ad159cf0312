package org.heraldcms.publishing;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.heraldcms.forms.FormInput;
import org.heraldcms.forms.Forms;
import org.heraldcms.identity.Member;
import org.heraldcms.identity.Members;
import org.heraldcms.publishing.internal.FormView;
import org.heraldcms.site.Language;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionAccess;
import org.heraldcms.site.Sections;
import org.heraldcms.site.Site;
import org.heraldcms.site.SiteSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public POSTs: a form submission ({@code /{lang}/forms/{section}}, then POST-redirect-GET to the
 * thank-you page) and member sign-in and sign-out ({@code /{lang}/account/...}). The CSRF token is
 * checked before these run (identity's public security chain); honeypot and rate limits here.
 * Pages carrying a token are answered {@code no-store}, so the page cache never keeps them.
 */
@Controller
class FormPages {

    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final SiteSettings settings;
    private final Sections sections;
    private final SectionAccess access;
    private final Forms forms;
    private final Members members;
    private final FormView view;

    FormPages(SiteSettings settings, Sections sections, SectionAccess access, Forms forms, Members members, FormView view) {
        this.settings = settings;
        this.sections = sections;
        this.access = access;
        this.forms = forms;
        this.members = members;
        this.view = view;
    }

    /** The page of a form section, with a fresh form; called by the section route of {@link PublicSite}. */
    ResponseEntity<String> show(Site site, Language language, Section section, int pageNumber, HttpServletRequest request) {
        return answer(HttpStatus.OK, view.form(site, language, section, pageNumber, csrf(request), null, null));
    }

    @PostMapping("/" + PublicSite.LANGUAGE + "/forms/{sectionId}")
    ResponseEntity<String> submit(@PathVariable String lang, @PathVariable long sectionId,
                                  @RequestParam Map<String, String> params, HttpServletRequest request) {
        Site site = settings.current();
        Language language = site.language(lang).orElseThrow(FormPages::notFound);
        Section section = sections.byId(sectionId).filter(s -> s.kind().isForm() && s.in(lang).isPresent()
                && access.canSee(s.id())).orElseThrow(FormPages::notFound);
        if (!params.getOrDefault(Forms.HONEYPOT, "").isEmpty()) {
            return answer(HttpStatus.BAD_REQUEST,
                    view.form(site, language, section, 1, csrf(request), null, "form.refused.robot"));
        }
        if (!forms.allowed(request.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "600")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").contentType(HTML)
                    .body(view.form(site, language, section, 1, csrf(request), null, "form.refused.tooMany"));
        }
        FormInput input = forms.check(sectionId, lang, params);
        if (!input.valid()) {
            return answer(HttpStatus.UNPROCESSABLE_CONTENT,
                    view.form(site, language, section, 1, csrf(request), input, "form.error.summary"));
        }
        forms.submit(sectionId, lang, input);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(section.listPath(lang) + "thanks")).build();
    }

    @GetMapping("/" + PublicSite.LANGUAGE + "/account/sign-in")
    ResponseEntity<String> signInPage(@PathVariable String lang, @RequestParam(required = false) String next,
                                      HttpServletRequest request) {
        Site site = settings.current();
        Language language = site.language(lang).orElseThrow(FormPages::notFound);
        return answer(HttpStatus.OK, view.signIn(site, language, csrf(request), safeNext(lang, next), "", null,
                signedIn(request).map(Member::displayName).orElse(null)));
    }

    @PostMapping("/" + PublicSite.LANGUAGE + "/account/sign-in")
    ResponseEntity<String> signIn(@PathVariable String lang, @RequestParam(defaultValue = "") String username,
                                  @RequestParam(defaultValue = "") String password,
                                  @RequestParam(required = false) String next, HttpServletRequest request) {
        Site site = settings.current();
        Language language = site.language(lang).orElseThrow(FormPages::notFound);
        String back = safeNext(lang, next);
        String shownName = username.length() > 64 ? username.substring(0, 64) : username;
        if (!members.maySignIn(request.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "600")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").contentType(HTML)
                    .body(view.signIn(site, language, csrf(request), back, shownName, "account.tooMany", null));
        }
        Optional<Member> member = members.check(username, password);
        if (member.isEmpty()) {
            return answer(HttpStatus.UNAUTHORIZED,
                    view.signIn(site, language, csrf(request), back, shownName, "account.failed", null));
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate(); // a new session id on sign-in: a session fixed before cannot be taken over
        }
        request.getSession(true).setAttribute(Members.SESSION_ATTRIBUTE, member.get().id());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(back))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @PostMapping("/" + PublicSite.LANGUAGE + "/account/sign-out")
    ResponseEntity<Void> signOut(@PathVariable String lang, HttpServletRequest request) {
        settings.current().language(lang).orElseThrow(FormPages::notFound);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/" + lang + "/"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static Optional<Member> signedIn(HttpServletRequest request) {
        return request.getAttribute(Members.SESSION_ATTRIBUTE) instanceof Member m ? Optional.of(m) : Optional.empty();
    }

    /** Only a path of this site in this language; anything else (another host, "//evil") goes home. */
    private static String safeNext(String lang, String next) {
        if (next != null && next.startsWith("/" + lang + "/") && !next.contains("//") && !next.contains("\\")
                && next.length() <= 1000 && next.chars().noneMatch(c -> c < 0x21 || c == 0x7f)) {
            return next;
        }
        return "/" + lang + "/";
    }

    private static FormView.Csrf csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            throw new IllegalStateException("No CSRF token: the public security chain did not run");
        }
        return new FormView.Csrf(token.getParameterName(), token.getToken());
    }

    private static ResponseEntity<String> answer(HttpStatus status, String body) {
        return ResponseEntity.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store").contentType(HTML).body(body);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
