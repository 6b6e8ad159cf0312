package org.heraldcms.publishing.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryCard;
import org.heraldcms.content.Tag;
import org.heraldcms.platform.Page;
import org.heraldcms.publishing.internal.Links.Card;
import org.heraldcms.publishing.internal.Links.LanguageLink;
import org.heraldcms.publishing.internal.Links.Link;
import org.heraldcms.publishing.internal.Links.Pager;
import org.heraldcms.site.Language;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.site.Site;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.stereotype.Component;

/** Renders the public pages of the default theme from the content. */
@Component
public class Pages {

    public static final int PAGE_SIZE = 10;

    private final Theme theme;
    private final Frame frame;
    private final Entries entries;
    private final Sections sections;
    private final MessageSource messages;
    private final HeadTags head;
    private final RelatedEntries related;
    private final EntryFiles files;
    private KindPages kinds;

    @org.springframework.beans.factory.annotation.Autowired
    void setKinds(KindPages kinds) {
        this.kinds = kinds;
    }

    Pages(Theme theme, Frame frame, Entries entries, Sections sections, MessageSource messages, HeadTags head,
          RelatedEntries related, EntryFiles files) {
        this.files = files;
        this.theme = theme;
        this.frame = frame;
        this.entries = entries;
        this.sections = sections;
        this.messages = messages;
        this.head = head;
        this.related = related;
    }

    public String home(Site site, Language language) {
        String tag = language.tag();
        Map<String, Object> model = frame.model(site, language, "/" + tag + "/", everyLanguageHome(site), null);
        List<Long> newsSections = sections.all().stream()
                .filter(s -> s.kind() == SectionKind.NEWS && s.in(tag).isPresent()).map(Section::id).toList();
        model.put("featured", cards(site, entries.latestPublished(tag, sectionIds(tag), true, 3)));
        model.put("latest", cards(site, entries.latestPublished(tag, newsSections, false, PAGE_SIZE)));
        model.putAll(head.home(site, language));
        model.put("banners", kinds.banners(language));
        return theme.render("home", model, language.locale());
    }

    public String section(Site site, Language language, Section section, int pageNumber) {
        String tag = language.tag();
        Page<EntryCard> page = existing(entries.publishedInSection(tag, section.id(), pageNumber, PAGE_SIZE));
        String base = section.listPath(tag);
        Map<String, String> translations = new LinkedHashMap<>();
        section.names().keySet().forEach(other -> translations.put(other, section.listPath(other) + pageSuffix(pageNumber)));
        Map<String, Object> model = frame.model(site, language, base + pageSuffix(pageNumber), translations, section);
        model.put("section", section.in(tag).orElseThrow());
        model.put("cards", cards(site, page.items()));
        model.put("pager", pager(page, base));
        model.putAll(head.section(site, language, section, base + pageSuffix(pageNumber)));
        model.put("sectionFeed", base + "feed.atom");
        return theme.render("section", model, language.locale());
    }

    public String entry(Site site, Language language, Section section, Entry entry) {
        String tag = language.tag();
        Map<String, String> translations = new LinkedHashMap<>();
        for (Entry t : entries.publishedTranslations(entry)) {
            sections.byId(t.sectionId()).filter(s -> s.in(t.language()).isPresent())
                    .ifPresent(s -> translations.put(t.language(), s.entryPath(t.language(), t.slug())));
        }
        String path = section.entryPath(tag, entry.slug());
        translations.put(tag, path);
        Map<String, Object> model = frame.model(site, language, path, translations, section);
        model.put("entry", entry);
        model.put("published", Frame.shown(entry.publishedAt(), site.timeZone()));
        model.put("publishedIso", Frame.iso(entry.publishedAt(), site.timeZone()));
        model.put("section", new Link(section.in(tag).orElseThrow().name(), section.listPath(tag)));
        model.put("tags", entry.tags().stream().map(t -> new Link(t.name(), tagPath(tag, t.slug()))).toList());
        model.put("previous", entries.previous(entry).map(c -> link(section, c)).orElse(null));
        model.put("next", entries.next(entry).map(c -> link(section, c)).orElse(null));
        model.put("translations", translationLinks(site, tag, translations));
        model.put("share", ShareLinks.of(entry.title(), frame.absolute(path),
                messages.getMessage("share.email", null, language.locale())));
        Map<String, Object> entryFiles = files.of(entry);
        model.putAll(entryFiles);
        model.putAll(head.entry(site, language, section, entry, path, (EntryFiles.Picture) entryFiles.get("cover")));
        model.put("related", related.of(entry));
        model.putAll(kinds.entry(site, language, section, entry));
        return theme.render("entry", model, language.locale());
    }

    public String tag(Site site, Language language, Tag tag, int pageNumber) {
        String base = tagPath(language.tag(), tag.slug());
        Page<EntryCard> page = existing(entries.publishedWithTag(language.tag(), tag.slug(), pageNumber, PAGE_SIZE));
        if (page.items().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND); // a tag nothing published carries has no page
        }
        Map<String, Object> model = frame.model(site, language, base + pageSuffix(pageNumber),
                Map.of(language.tag(), base + pageSuffix(pageNumber)), null);
        model.put("tag", tag);
        model.put("cards", cards(site, page.items()));
        model.put("pager", pager(page, base));
        return theme.render("tag", model, language.locale());
    }

    public String error(Site site, Language language, int status) {
        Map<String, Object> model = frame.model(site, language, "/" + language.tag() + "/", everyLanguageHome(site), null);
        model.put("status", status);
        model.put("kind", status == 404 || status == 400 || status == 405 ? String.valueOf(status) : "500");
        return theme.render("error", model, language.locale());
    }

    /** Page 1 exists even when empty; pages past the last do not. */
    private static <T> Page<T> existing(Page<T> page) {
        if (page.number() > page.totalPages()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return page;
    }

    private List<Long> sectionIds(String tag) {
        return sections.all().stream().filter(s -> s.in(tag).isPresent()).map(Section::id).toList();
    }

    private List<Card> cards(Site site, List<EntryCard> list) {
        Map<Long, EntryFiles.Picture> covers = files.covers(list);
        return list.stream().map(c -> {
            Section s = sections.byId(c.sectionId()).orElseThrow();
            return new Card(c.title(), s.entryPath(c.language(), c.slug()), Frame.shown(c.publishedAt(), site.timeZone()),
                    Frame.iso(c.publishedAt(), site.timeZone()), c.summary(), covers.get(c.id()));
        }).toList();
    }

    private Link link(Section section, EntryCard card) {
        return new Link(card.title(), section.entryPath(card.language(), card.slug()));
    }

    private static List<LanguageLink> translationLinks(Site site, String current, Map<String, String> translations) {
        return site.enabledLanguages().stream()
                .filter(l -> !l.tag().equals(current) && translations.containsKey(l.tag()))
                .map(l -> new LanguageLink(l.tag(), l.nativeName(), translations.get(l.tag()), false))
                .toList();
    }

    private static Map<String, String> everyLanguageHome(Site site) {
        Map<String, String> homes = new LinkedHashMap<>();
        site.enabledLanguages().forEach(l -> homes.put(l.tag(), "/" + l.tag() + "/"));
        return homes;
    }

    private static Pager pager(Page<?> page, String base) {
        return new Pager(page.number(), page.totalPages(),
                page.hasPrevious() ? base + pageSuffix(page.number() - 1) : null,
                page.hasNext() ? base + pageSuffix(page.number() + 1) : null);
    }

    static String pageSuffix(int page) {
        return page <= 1 ? "" : "page/" + page + "/";
    }

    public static String tagPath(String language, String slug) {
        return "/" + language + "/tags/" + slug + "/";
    }

    public Optional<Tag> findTag(String language, String slug) {
        return entries.tag(language, slug);
    }
}
