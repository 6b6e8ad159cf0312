package org.heraldcms.publishing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heraldcms.publishing.internal.SitemapWriter.Url;
import org.junit.jupiter.api.Test;

/** Sitemap files respect both protocol limits: 50,000 URLs and 50 MB. */
class SitemapSplitTest {

    @Test
    void fiftyThousandAndOneUrlsMakeTwoFiles() {
        List<Url> urls = urls(50_001, 0);
        List<List<Url>> files = SitemapWriter.split(urls, 50_000, SitemapWriter.MAX_BYTES);
        assertThat(files).extracting(List::size).containsExactly(50_000, 1);
        assertThat(SitemapWriter.split(urls(50_000, 0), 50_000, SitemapWriter.MAX_BYTES)).hasSize(1);
        assertThat(SitemapWriter.split(List.of(), 50_000, SitemapWriter.MAX_BYTES)).isEmpty();
    }

    @Test
    void manyLanguagesSplitBySizeBeforeTheUrlLimit() {
        // 30 translations each: every URL carries 31 alternates, so 50,000 of them would pass 50 MB
        List<Url> urls = urls(50_000, 30);
        List<List<Url>> files = SitemapWriter.split(urls, 50_000, SitemapWriter.MAX_BYTES);
        assertThat(files.size()).isGreaterThan(1);
        assertThat(files.stream().mapToInt(List::size).sum()).isEqualTo(50_000);
        for (List<Url> file : files) {
            long written = file.stream().mapToLong(SitemapSplitTest::written).sum();
            assertThat(written).isLessThan(SitemapWriter.MAX_BYTES);
        }
    }

    private static List<Url> urls(int n, int translations) {
        List<Url> urls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, String> alternates = new LinkedHashMap<>();
            for (int t = 0; t < translations; t++) {
                alternates.put("l" + t, "https://news.example.org/l" + t + "/news/an-entry-with-a-rather-long-slug-" + i);
            }
            if (translations > 0) {
                alternates.put("x-default", "https://news.example.org/l0/news/an-entry-with-a-rather-long-slug-" + i);
            }
            urls.add(new Url("https://news.example.org/en/news/an-entry-with-a-rather-long-slug-" + i,
                    Instant.parse("2021-05-27T07:03:01Z"), alternates));
        }
        return urls;
    }

    /** What the writer really puts out for one URL. */
    private static long written(Url url) {
        long size = "<url><loc></loc><lastmod>2021-05-27T07:03:01Z</lastmod></url>".length() + url.loc().length();
        for (var a : url.alternates().entrySet()) {
            size += "<xhtml:link rel=\"alternate\" hreflang=\"\" href=\"\"/>".length() + a.getKey().length()
                    + a.getValue().length();
        }
        return size;
    }
}
