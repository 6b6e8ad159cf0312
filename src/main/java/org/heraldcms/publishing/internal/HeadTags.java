package org.heraldcms.publishing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heraldcms.content.Entry;
import org.heraldcms.site.Language;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.site.Site;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a page's head says about it beyond title and canonical: the derived description,
 * the Open Graph type, and JSON-LD ({@code NewsArticle}/{@code Article}, {@code WebSite} with
 * its search action, {@code BreadcrumbList}). JSON-LD goes in {@code <script type="application/ld+json">}:
 * a data block the browser never runs, so the strict Content-Security-Policy stays as it is;
 * {@code <}, {@code >} and {@code &} are written as JSON escapes so no text can close the element.
 */
@Component
public class HeadTags {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Frame frame;
    private final Sections sections;
    private final MessageSource messages;

    HeadTags(Frame frame, Sections sections, MessageSource messages) {
        this.frame = frame;
        this.sections = sections;
        this.messages = messages;
    }

    public Map<String, Object> home(Site site, Language language) {
        String home = frame.absolute("/" + language.tag() + "/");
        Map<String, Object> website = object("WebSite");
        website.put("name", language.siteName());
        website.put("url", home);
        website.put("inLanguage", language.tag());
        if (!language.seoDescription().isBlank()) {
            website.put("description", language.seoDescription());
        }
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("@type", "EntryPoint");
        target.put("urlTemplate", home + "search?q={search_term_string}");
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("@type", "SearchAction");
        search.put("target", target);
        search.put("query-input", "required name=search_term_string");
        website.put("potentialAction", search);
        return tags("website", List.of(json(website)));
    }

    public Map<String, Object> section(Site site, Language language, Section section, String path) {
        List<Map<String, Object>> crumbs = trail(language, section);
        return tags("website", List.of(json(breadcrumbs(crumbs))));
    }

    /** A list page that is not a section (archives): home, then the page. */
    public Map<String, Object> list(Site site, Language language, String title, String path) {
        List<Map<String, Object>> crumbs = new ArrayList<>(List.of(crumb(home(language), frame.absolute("/" + language.tag() + "/"))));
        crumbs.add(crumb(title, frame.absolute(path)));
        Map<String, Object> tags = tags("website", List.of(json(breadcrumbs(crumbs))));
        tags.put("pageTitle", title);
        return tags;
    }

    public Map<String, Object> entry(Site site, Language language, Section section, Entry entry, String path) {
        return entry(site, language, section, entry, path, null);
    }

    /** With a cover: {@code og:image} (its largest variant, absolute) and the article's JSON-LD {@code image}. */
    public Map<String, Object> entry(Site site, Language language, Section section, Entry entry, String path,
                                     EntryFiles.Picture cover) {
        String url = frame.absolute(path);
        String description = Excerpts.description(entry);
        Map<String, Object> article = object(section.kind() == SectionKind.NEWS ? "NewsArticle" : "Article");
        article.put("headline", entry.seoTitle().isBlank() ? entry.title() : entry.seoTitle());
        article.put("datePublished", Frame.iso(entry.publishedAt(), site.timeZone()));
        article.put("dateModified", Frame.iso(entry.updatedAt().isAfter(entry.publishedAt()) ? entry.updatedAt()
                : entry.publishedAt(), site.timeZone()));
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", language.siteName());
        publisher.put("url", frame.absolute("/" + language.tag() + "/"));
        if (entry.author().isBlank()) {
            article.put("author", publisher);
        } else {
            Map<String, Object> author = new LinkedHashMap<>();
            author.put("@type", "Person");
            author.put("name", entry.author());
            article.put("author", author);
        }
        article.put("publisher", publisher);
        article.put("inLanguage", language.tag());
        article.put("url", url);
        article.put("mainEntityOfPage", url);
        if (!description.isBlank()) {
            article.put("description", description);
        }
        if (!entry.tags().isEmpty()) {
            article.put("keywords", entry.tags().stream().map(t -> t.name()).toList());
        }
        if (cover != null) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("@type", "ImageObject");
            image.put("url", frame.absolute(cover.shareUrl()));
            image.put("width", cover.shareWidth());
            image.put("height", cover.shareHeight());
            article.put("image", image);
        }
        List<Map<String, Object>> crumbs = trail(language, section);
        crumbs.add(crumb(entry.title(), url));
        Map<String, Object> tags = tags("article", List.of(json(article), json(breadcrumbs(crumbs))));
        tags.put("metaDescription", description);
        if (cover != null) {
            tags.put("ogImage", frame.absolute(cover.shareUrl()));
            tags.put("ogImageWidth", cover.shareWidth());
            tags.put("ogImageHeight", cover.shareHeight());
            tags.put("ogImageAlt", cover.alt());
        }
        return tags;
    }

    private List<Map<String, Object>> trail(Language language, Section section) {
        String tag = language.tag();
        List<Section> chain = new ArrayList<>();
        for (Section s = section; s != null; s = s.parentId() == null ? null : sections.byId(s.parentId()).orElse(null)) {
            chain.add(0, s);
        }
        List<Map<String, Object>> crumbs = new ArrayList<>();
        crumbs.add(crumb(home(language), frame.absolute("/" + tag + "/")));
        for (Section s : chain) {
            s.in(tag).ifPresent(name -> crumbs.add(crumb(name.name(), frame.absolute(s.listPath(tag)))));
        }
        return crumbs;
    }

    private String home(Language language) {
        return messages.getMessage("nav.home", null, language.locale());
    }

    private static Map<String, Object> breadcrumbs(List<Map<String, Object>> crumbs) {
        Map<String, Object> list = object("BreadcrumbList");
        for (int i = 0; i < crumbs.size(); i++) {
            crumbs.get(i).put("position", i + 1);
        }
        list.put("itemListElement", crumbs);
        return list;
    }

    private static Map<String, Object> crumb(String name, String url) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("@type", "ListItem");
        item.put("name", name);
        item.put("item", url);
        return item;
    }

    private static Map<String, Object> object(String type) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("@context", "https://schema.org");
        object.put("@type", type);
        return object;
    }

    private static Map<String, Object> tags(String ogType, List<String> jsonLd) {
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("ogType", ogType);
        tags.put("jsonLd", jsonLd);
        return tags;
    }

    /** JSON safe to place inside a script element: no {@code <}, {@code >} or {@code &} left as such. */
    static String json(Object value) {
        return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
