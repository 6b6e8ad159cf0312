package org.heraldcms.publishing.internal;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.heraldcms.content.PublishedContent;
import org.heraldcms.content.PublishedLink;
import org.heraldcms.platform.HeraldProperties;
import org.heraldcms.site.Language;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionAccess;
import org.heraldcms.site.Sections;
import org.heraldcms.site.Site;
import org.springframework.stereotype.Component;

/**
 * {@code /sitemap.xml} (a sitemap index) and the per-language sitemaps it lists
 * ({@code /sitemap-en-1.xml}, ...): each language's home page, sections and published entries,
 * with {@code lastmod} and an {@code xhtml:link rel="alternate"} for every translation plus
 * {@code x-default}. A language with more URLs than {@code herald.sitemaps.urls-per-file}
 * (at most the protocol's 50,000) is split over several files.
 */
@Component
public class SitemapWriter {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    /** The protocol allows 50 MiB uncompressed; stay under it with room to spare. */
    static final long MAX_BYTES = 50_000_000L;
    private static final long FILE_OVERHEAD = 300;

    private final PublishedContent content;
    private final Sections sections;
    private final HeraldProperties properties;
    private final SitemapProperties settings;
    private final SectionAccess access;

    SitemapWriter(PublishedContent content, Sections sections, HeraldProperties properties, SitemapProperties settings,
                  SectionAccess access) {
        this.access = access;
        this.content = content;
        this.sections = sections;
        this.properties = properties;
        this.settings = settings;
    }

    record Url(String loc, Instant lastModified, Map<String, String> alternates) {
    }

    public String index(Site site) {
        Urls urls = new Urls(site, content.links());
        return xml(w -> {
            w.setDefaultNamespace(SITEMAP_NS);
            w.writeStartElement(SITEMAP_NS, "sitemapindex");
            w.writeDefaultNamespace(SITEMAP_NS);
            for (Language language : site.enabledLanguages()) {
                List<List<Url>> files = split(urls.of(language));
                for (int n = 1; n <= files.size(); n++) {
                    w.writeStartElement(SITEMAP_NS, "sitemap");
                    element(w, "loc", absolute(fileName(language.tag(), n)));
                    latest(files.get(n - 1)).ifPresent(at -> element(w, "lastmod", w3c(at)));
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
        });
    }

    /** The n-th sitemap of a language (from 1), or empty when there is no such file. */
    public Optional<String> sitemap(Site site, Language language, int n) {
        List<List<Url>> files = split(new Urls(site, content.links()).of(language));
        if (n < 1 || n > files.size()) {
            return Optional.empty();
        }
        return Optional.of(xml(w -> {
            w.setDefaultNamespace(SITEMAP_NS);
            w.setPrefix("xhtml", XHTML_NS);
            w.writeStartElement(SITEMAP_NS, "urlset");
            w.writeDefaultNamespace(SITEMAP_NS);
            w.writeNamespace("xhtml", XHTML_NS);
            for (Url url : files.get(n - 1)) {
                w.writeStartElement(SITEMAP_NS, "url");
                element(w, "loc", url.loc());
                if (url.lastModified() != null) {
                    element(w, "lastmod", w3c(url.lastModified()));
                }
                for (Map.Entry<String, String> alternate : url.alternates().entrySet()) {
                    w.writeEmptyElement(XHTML_NS, "link");
                    w.writeAttribute("rel", "alternate");
                    w.writeAttribute("hreflang", alternate.getKey());
                    w.writeAttribute("href", alternate.getValue());
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        }));
    }

    public static String fileName(String language, int n) {
        return "/sitemap-" + language + "-" + n + ".xml";
    }

    private List<List<Url>> split(List<Url> urls) {
        return split(urls, settings.urlsPerFile(), MAX_BYTES);
    }

    /**
     * Cuts a language's URLs into files of at most {@code maxUrls} URLs and at most {@code maxBytes}
     * of XML (the protocol's other limit, 50 MB: with many languages the alternates weigh more than
     * the URLs). Sizes are estimated from the UTF-8 length of what each URL writes, generously.
     */
    static List<List<Url>> split(List<Url> urls, int maxUrls, long maxBytes) {
        List<List<Url>> files = new ArrayList<>();
        int from = 0;
        long bytes = FILE_OVERHEAD;
        for (int i = 0; i < urls.size(); i++) {
            long size = estimate(urls.get(i));
            if (i > from && (i - from == maxUrls || bytes + size > maxBytes)) {
                files.add(urls.subList(from, i));
                from = i;
                bytes = FILE_OVERHEAD;
            }
            bytes += size;
        }
        if (from < urls.size()) {
            files.add(urls.subList(from, urls.size()));
        }
        return files;
    }

    private static long estimate(Url url) {
        long size = 80 + utf8Length(url.loc()) * 2L; // <url><loc></loc><lastmod>…</lastmod></url>, escapes
        for (Map.Entry<String, String> alternate : url.alternates().entrySet()) {
            size += 60 + alternate.getKey().length() + utf8Length(alternate.getValue()) * 2L;
        }
        return size;
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** Every URL of the site in each language, with alternates computed from one set of pages, so they are reciprocal. */
    private final class Urls {
        private final Site site;
        private final List<Language> languages;
        private final Map<Long, Map<String, PublishedLink>> groups = new HashMap<>();
        private final List<PublishedLink> links = new ArrayList<>();

        Urls(Site site, List<PublishedLink> all) {
            this.site = site;
            this.languages = site.enabledLanguages();
            for (PublishedLink link : all) {
                boolean listed = site.language(link.language()).isPresent() && sections.byId(link.sectionId())
                        .flatMap(s -> s.in(link.language())).isPresent();
                if (listed) {
                    links.add(link);
                    groups.computeIfAbsent(link.translationGroupId(), g -> new LinkedHashMap<>()).put(link.language(), link);
                }
            }
        }

        List<Url> of(Language language) {
            String tag = language.tag();
            List<Url> urls = new ArrayList<>();
            Map<String, String> homes = new LinkedHashMap<>();
            languages.forEach(l -> homes.put(l.tag(), "/" + l.tag() + "/"));
            urls.add(new Url(absolute("/" + tag + "/"), latest(links, tag, null), alternates(homes)));
            for (Section section : sections.all()) {
                if (section.in(tag).isPresent() && access.canSee(section.id())) {
                    Map<String, String> paths = new LinkedHashMap<>();
                    languages.stream().filter(l -> section.in(l.tag()).isPresent())
                            .forEach(l -> paths.put(l.tag(), section.listPath(l.tag())));
                    urls.add(new Url(absolute(section.listPath(tag)), latest(links, tag, section.id()), alternates(paths)));
                }
            }
            for (PublishedLink link : links) {
                if (link.language().equals(tag)) {
                    Map<String, String> paths = new LinkedHashMap<>();
                    Map<String, PublishedLink> group = groups.get(link.translationGroupId());
                    languages.stream().map(l -> group.get(l.tag())).filter(java.util.Objects::nonNull)
                            .forEach(t -> paths.put(t.language(), entryPath(t)));
                    urls.add(new Url(absolute(entryPath(link)), link.lastModified(), alternates(paths)));
                }
            }
            return urls;
        }

        /** hreflang → absolute URL for a page in several languages, plus x-default; none for a page in one language. */
        private Map<String, String> alternates(Map<String, String> paths) {
            if (paths.size() < 2) {
                return Map.of();
            }
            Map<String, String> alternates = new LinkedHashMap<>();
            paths.forEach((language, path) -> alternates.put(language, absolute(path)));
            String defaultPath = paths.get(site.defaultLanguage().tag());
            if (defaultPath != null) {
                alternates.put("x-default", absolute(defaultPath));
            }
            return alternates;
        }
    }

    private String entryPath(PublishedLink link) {
        return sections.byId(link.sectionId()).orElseThrow().entryPath(link.language(), link.slug());
    }

    private static Instant latest(List<PublishedLink> links, String language, Long sectionId) {
        Instant latest = null;
        for (PublishedLink link : links) {
            if (link.language().equals(language) && (sectionId == null || link.sectionId() == sectionId)
                    && (latest == null || link.lastModified().isAfter(latest))) {
                latest = link.lastModified();
            }
        }
        return latest;
    }

    private static Optional<Instant> latest(List<Url> urls) {
        return urls.stream().map(Url::lastModified).filter(java.util.Objects::nonNull).max(Instant::compareTo);
    }

    private static String w3c(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private String absolute(String path) {
        return properties.baseUrlPrefix() + path;
    }

    private interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String xml(XmlBody body) {
        StringWriter out = new StringWriter(64 * 1024);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write a sitemap", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter w, String name, String text) {
        try {
            w.writeStartElement(SITEMAP_NS, name);
            w.writeCharacters(text);
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
