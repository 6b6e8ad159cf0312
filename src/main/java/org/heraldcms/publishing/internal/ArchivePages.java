package org.heraldcms.publishing.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.heraldcms.content.EntryCard;
import org.heraldcms.content.PublishedContent;
import org.heraldcms.platform.Page;
import org.heraldcms.publishing.internal.Links.Card;
import org.heraldcms.publishing.internal.Links.Pager;
import org.heraldcms.site.Language;
import org.heraldcms.site.Sections;
import org.heraldcms.site.Site;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** A language's entries of one year or one month, newest first, paged like a section list. */
@Component
public class ArchivePages {

    private final Theme theme;
    private final Frame frame;
    private final PublishedContent content;
    private final Sections sections;
    private final MessageSource messages;
    private final HeadTags head;
    private final EntryFiles files;

    ArchivePages(Theme theme, Frame frame, PublishedContent content, Sections sections, MessageSource messages,
                 HeadTags head, EntryFiles files) {
        this.files = files;
        this.theme = theme;
        this.frame = frame;
        this.content = content;
        this.sections = sections;
        this.messages = messages;
        this.head = head;
    }

    /** The archive page; 404 for a period without entries or a page past the last. */
    public String render(Site site, Language language, ArchivePeriod period) {
        String tag = language.tag();
        Page<EntryCard> page = content.publishedBetween(tag, period.from(site.timeZone()), period.to(site.timeZone()),
                period.page(), Pages.PAGE_SIZE);
        if (page.total() == 0 || period.page() > page.totalPages()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String base = period.path(tag);
        String path = base + Pages.pageSuffix(period.page());
        Map<String, Object> model = frame.model(site, language, path, Map.of(tag, path), null);
        String title = period.month() == 0 ? String.valueOf(period.year())
                : DateTimeFormatter.ofPattern(messages.getMessage("archive.month.pattern", null, language.locale()),
                        language.locale()).format(LocalDate.of(period.year(), period.month(), 1));
        model.put("period", title);
        Map<Long, EntryFiles.Picture> covers = files.covers(page.items());
        model.put("cards", page.items().stream().map(c -> card(site, c, covers.get(c.id()))).toList());
        model.put("pager", new Pager(page.number(), page.totalPages(),
                page.hasPrevious() ? base + Pages.pageSuffix(page.number() - 1) : null,
                page.hasNext() ? base + Pages.pageSuffix(page.number() + 1) : null));
        model.putAll(head.list(site, language, messages.getMessage("archive.title", new Object[] {title},
                language.locale()), path));
        return theme.render("archive", model, language.locale());
    }

    private Card card(Site site, EntryCard c, EntryFiles.Picture cover) {
        return new Card(c.title(), sections.byId(c.sectionId()).orElseThrow().entryPath(c.language(), c.slug()),
                Frame.shown(c.publishedAt(), site.timeZone()), Frame.iso(c.publishedAt(), site.timeZone()), c.summary(),
                cover);
    }
}
