package org.heraldcms.publishing.internal;

/** Records handed to templates. URLs are site-relative unless the name says absolute. */
public final class Links {

    private Links() {
    }

    public record Link(String label, String url) {
    }

    public record LanguageLink(String tag, String name, String url, boolean current) {
    }

    public record MenuItem(String name, String url, boolean active) {
    }

    public record Card(String title, String url, String date, String isoDate, String summary, EntryFiles.Picture cover) {

        public Card(String title, String url, String date, String isoDate, String summary) {
            this(title, url, date, isoDate, summary, null);
        }
    }

    public record Alternate(String hreflang, String absoluteUrl) {
    }

    public record Pager(int number, int totalPages, String newerUrl, String olderUrl) {
    }
}
