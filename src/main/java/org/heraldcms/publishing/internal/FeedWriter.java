package org.heraldcms.publishing.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.heraldcms.content.Entry;
import org.heraldcms.content.PublishedContent;
import org.heraldcms.platform.HeraldProperties;
import org.heraldcms.site.Language;
import org.heraldcms.site.Section;
import org.heraldcms.site.Sections;
import org.springframework.stereotype.Component;

/**
 * Atom 1.0 and RSS 2.0 feeds of a language or of one section, written with Rome. Every URL
 * is absolute from {@code herald.base-url}; only published, due entries appear.
 */
@Component
public class FeedWriter {

    public enum Format {
        ATOM("atom_1.0", "feed.atom", "application/atom+xml"),
        RSS("rss_2.0", "feed.rss", "application/rss+xml");

        final String romeType;
        public final String fileName;
        public final String mediaType;

        Format(String romeType, String fileName, String mediaType) {
            this.romeType = romeType;
            this.fileName = fileName;
            this.mediaType = mediaType;
        }
    }

    private final PublishedContent content;
    private final Sections sections;
    private final HeraldProperties properties;
    private final FeedProperties settings;

    FeedWriter(PublishedContent content, Sections sections, HeraldProperties properties, FeedProperties settings) {
        this.content = content;
        this.sections = sections;
        this.properties = properties;
        this.settings = settings;
    }

    /** The feed of a whole language ({@code section} null) or of one section in it. */
    public String write(Language language, Section section, Format format) {
        String tag = language.tag();
        List<Long> ids = section != null ? List.of(section.id())
                : sections.all().stream().filter(s -> s.in(tag).isPresent())
                        // friendly links and banners are not news: not in a language's feed (issue 9)
                        .filter(s -> s.kind() != org.heraldcms.site.SectionKind.LINK
                                && s.kind() != org.heraldcms.site.SectionKind.BANNERS)
                        .map(Section::id).toList();
        List<Entry> entries = content.latest(tag, ids, settings.size());
        String htmlPath = section != null ? section.listPath(tag) : "/" + tag + "/";

        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle(section != null ? section.in(tag).orElseThrow().name() + " — " + language.siteName() : language.siteName());
        feed.setDescription(language.seoDescription().isBlank() ? language.siteName() : language.seoDescription());
        feed.setLanguage(tag);
        feed.setLink(absolute(htmlPath));
        feed.setUri(absolute(htmlPath + format.fileName));
        feed.setLinks(List.of(link("alternate", absolute(htmlPath), "text/html"),
                link("self", absolute(htmlPath + format.fileName), format.mediaType)));
        feed.setAuthor(language.siteName());
        feed.setPublishedDate(entries.isEmpty() ? null : Date.from(newest(entries)));
        List<SyndEntry> items = new ArrayList<>();
        for (Entry e : entries) {
            items.add(item(e, language, format));
        }
        feed.setEntries(items);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the " + format + " feed of " + htmlPath, e);
        }
    }

    private SyndEntry item(Entry e, Language language, Format format) {
        String url = absolute(sections.byId(e.sectionId()).orElseThrow().entryPath(e.language(), e.slug()));
        SyndEntry item = new SyndEntryImpl();
        item.setTitle(e.title());
        item.setLink(url);
        if (format == Format.ATOM) {
            item.setUri(url); // the Atom id; RSS then makes the link its guid, with isPermaLink="true"
        }
        item.setPublishedDate(Date.from(e.publishedAt()));
        item.setUpdatedDate(Date.from(e.updatedAt().isAfter(e.publishedAt()) ? e.updatedAt() : e.publishedAt()));
        item.setAuthor(e.author().isBlank() ? language.siteName() : e.author());
        SyndContent summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(Excerpts.summary(e));
        item.setDescription(summary);
        if (settings.fullContent()) {
            SyndContent body = new SyndContentImpl();
            body.setType("html");
            body.setValue(Excerpts.absoluteBody(e.body(), properties.baseUrlPrefix()));
            item.setContents(List.of(body));
        }
        return item;
    }

    private static java.time.Instant newest(List<Entry> entries) {
        return entries.stream().map(e -> e.updatedAt().isAfter(e.publishedAt()) ? e.updatedAt() : e.publishedAt())
                .max(java.time.Instant::compareTo).orElseThrow();
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private String absolute(String path) {
        return properties.baseUrlPrefix() + path;
    }
}
