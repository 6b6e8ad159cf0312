package org.heraldcms.publishing;

import java.nio.charset.StandardCharsets;

import org.heraldcms.platform.HeraldProperties;
import org.heraldcms.publishing.internal.SitemapWriter;
import org.heraldcms.site.Language;
import org.heraldcms.site.Site;
import org.heraldcms.site.SiteSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** {@code /robots.txt}, {@code /sitemap.xml} (an index) and the per-language sitemaps it lists. */
@Controller
class Sitemaps {

    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final SiteSettings settings;
    private final SitemapWriter writer;
    private final HeraldProperties properties;

    Sitemaps(SiteSettings settings, SitemapWriter writer, HeraldProperties properties) {
        this.settings = settings;
        this.writer = writer;
        this.properties = properties;
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        return ResponseEntity.ok().contentType(TEXT)
                .body("User-agent: *\nDisallow:\n\nSitemap: " + properties.baseUrlPrefix() + "/sitemap.xml\n");
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> index() {
        return ResponseEntity.ok().contentType(XML).body(writer.index(settings.current()));
    }

    /** {@code /sitemap-en-1.xml}, {@code /sitemap-zh-Hant-2.xml}: the language, then the file's number. */
    @GetMapping("/sitemap-{part:[A-Za-z0-9-]{1,60}}.xml")
    ResponseEntity<String> sitemap(@PathVariable String part) {
        int dash = part.lastIndexOf('-');
        if (dash < 1 || !part.substring(dash + 1).matches("[1-9][0-9]{0,5}")) {
            throw notFound();
        }
        Site site = settings.current();
        Language language = site.language(part.substring(0, dash)).orElseThrow(Sitemaps::notFound);
        String xml = writer.sitemap(site, language, Integer.parseInt(part.substring(dash + 1)))
                .orElseThrow(Sitemaps::notFound);
        return ResponseEntity.ok().contentType(XML).body(xml);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
