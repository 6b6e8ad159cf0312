package org.heraldcms.migration.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export (WXR 1.0 to 1.2) as a stream: the channel's authors, categories
 * and tags, then each item, handed over one at a time so a file of any size fits in memory.
 * DTDs and external entities are refused (XXE, billion laughs); no element's text may exceed
 * {@link #MAX_TEXT} characters.
 */
public final class WxrReader {

    public static final int MAX_TEXT = 16 * 1024 * 1024;

    public record Author(String login, String displayName, String email) {
    }

    public record Term(String domain, String slug, String name, String parentSlug) {
    }

    public record Item(String postId, String title, String link, String creator, String content, String excerpt,
                       String postDate, String postDateGmt, String postName, String status, String parentId,
                       String menuOrder, String postType, String attachmentUrl, boolean sticky, List<Term> terms) {
    }

    public interface Handler {
        void channel(String key, String value);

        void author(Author author);

        void category(Term category);

        void item(Item item);
    }

    private final XMLStreamReader xml;
    private String currentItem = "";

    public WxrReader(InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            this.xml = factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new WxrException("the file is not XML: " + e.getMessage(), e);
        }
    }

    /** Thrown on anything wrong with the file; the message names the line and the item. */
    public static final class WxrException extends RuntimeException {
        WxrException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public void read(Handler handler) {
        try {
            boolean sawRss = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new XMLStreamException("the file declares a DTD (<!DOCTYPE>); WordPress exports have none, "
                            + "and entity declarations are refused");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XMLStreamException("undeclared entity &" + xml.getLocalName() + ";");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (!sawRss) {
                    if (!name.equals("rss")) {
                        throw new XMLStreamException("this is not a WordPress export: it starts with <" + name + ">, not <rss>");
                    }
                    sawRss = true;
                    continue;
                }
                boolean wp = isWp();
                if (name.equals("item")) {
                    handler.item(readItem());
                    currentItem = "";
                } else if (wp && name.equals("author")) {
                    handler.author(readAuthor());
                } else if (wp && (name.equals("category") || name.equals("tag") || name.equals("term"))) {
                    handler.category(readTerm(name));
                } else if (name.equals("channel")) {
                    continue;
                } else if (wp || name.equals("link") || name.equals("language") || name.equals("title")) {
                    handler.channel(name, text());
                } else {
                    skip();
                }
            }
            if (!sawRss) {
                throw new XMLStreamException("the file is empty");
            }
        } catch (XMLStreamException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            if (e instanceof WxrException) {
                throw e;
            }
            throw failure(e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // closing a reader that failed
            }
        }
    }

    private WxrException failure(Exception e) {
        String where = xml.getLocation() == null ? "" : "line " + xml.getLocation().getLineNumber();
        String item = currentItem.isEmpty() ? "" : ", in item " + currentItem;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause instanceof java.io.CharConversionException || message.contains("UTF-8")) {
            message = "invalid UTF-8 (" + (cause == null ? message : cause.getMessage()) + ")";
        }
        return new WxrException(where + item + ": " + message.replaceAll("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", ""), e);
    }

    private boolean isWp() {
        String ns = xml.getNamespaceURI();
        return ns != null && ns.startsWith("http://wordpress.org/export/") && !ns.contains("excerpt");
    }

    private Author readAuthor() throws XMLStreamException {
        String login = "";
        String display = "";
        String email = "";
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "author_login" -> login = text();
                    case "author_display_name" -> display = text();
                    case "author_email" -> email = text();
                    default -> skip();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new Author(login, display.isBlank() ? login : display, email);
    }

    private Term readTerm(String kind) throws XMLStreamException {
        String slug = "";
        String name = "";
        String parent = "";
        String taxonomy = kind.equals("category") ? "category" : kind.equals("tag") ? "post_tag" : "";
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "category_nicename", "tag_slug", "term_slug" -> slug = text();
                    case "cat_name", "tag_name", "term_name" -> name = text();
                    case "category_parent", "term_parent" -> parent = text();
                    case "term_taxonomy" -> taxonomy = text();
                    default -> skip();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new Term(taxonomy, slug, name, parent);
    }

    private Item readItem() throws XMLStreamException {
        String postId = "";
        String title = "";
        String link = "";
        String creator = "";
        String content = "";
        String excerpt = "";
        String postDate = "";
        String postDateGmt = "";
        String postName = "";
        String status = "";
        String parent = "0";
        String menuOrder = "0";
        String type = "post";
        String attachment = "";
        boolean sticky = false;
        List<Term> terms = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
                switch (xml.getLocalName()) {
                    case "title" -> title = text();
                    case "link" -> link = text();
                    case "creator" -> creator = text();
                    case "encoded" -> {
                        if (ns.contains("excerpt")) {
                            excerpt = text();
                        } else {
                            content = text();
                        }
                    }
                    case "post_id" -> {
                        postId = text();
                        currentItem = postId;
                    }
                    case "post_date" -> postDate = text();
                    case "post_date_gmt" -> postDateGmt = text();
                    case "post_name" -> postName = text();
                    case "status" -> status = text();
                    case "post_parent" -> parent = text();
                    case "menu_order" -> menuOrder = text();
                    case "post_type" -> type = text();
                    case "attachment_url" -> attachment = text();
                    case "is_sticky" -> sticky = text().equals("1");
                    case "category" -> {
                        String domain = xml.getAttributeValue(null, "domain");
                        String nicename = xml.getAttributeValue(null, "nicename");
                        String name = text();
                        // WXR 1.0 from old WordPress versions lists categories by name only, without a domain
                        terms.add(new Term(domain == null ? "" : domain, nicename == null ? "" : nicename, name, ""));
                    }
                    default -> skip();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new Item(postId, title, link, creator, content, excerpt, postDate, postDateGmt, postName, status,
                parent, menuOrder, type, attachment, sticky, terms);
    }

    /** The text of the current element (nested elements skipped), bounded in size. */
    private String text() throws XMLStreamException {
        String element = xml.getLocalName();
        StringBuilder out = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1) {
                        if (out.length() + xml.getTextLength() > MAX_TEXT) {
                            throw new XMLStreamException("<" + element + "> text is longer than "
                                    + MAX_TEXT / (1024 * 1024) + " MB");
                        }
                        out.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new XMLStreamException("undeclared entity &" + xml.getLocalName() + ";");
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                }
            }
        }
        return out.toString().strip();
    }

    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("undeclared entity &" + xml.getLocalName() + ";");
            }
        }
    }
}
