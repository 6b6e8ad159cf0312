package org.heraldcms.publishing.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.heraldcms.publishing.internal.Links.Link;

/** Plain share links: no third-party script runs on a Herald page. */
final class ShareLinks {

    private ShareLinks() {
    }

    static List<Link> of(String title, String absoluteUrl, String emailLabel) {
        String u = encode(absoluteUrl);
        String t = encode(title);
        return List.of(
                new Link(emailLabel, "mailto:?subject=" + t + "&body=" + u),
                new Link("X", "https://x.com/intent/post?url=" + u + "&text=" + t),
                new Link("Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u),
                new Link("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=" + u),
                new Link("Telegram", "https://t.me/share/url?url=" + u + "&text=" + t),
                new Link("VK", "https://vk.com/share.php?url=" + u + "&title=" + t),
                new Link("Weibo", "https://service.weibo.com/share/share.php?url=" + u + "&title=" + t));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
