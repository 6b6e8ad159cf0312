package org.heraldcms.publishing.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.heraldcms.content.Entries;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.media.MediaUsage;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionAccess;
import org.heraldcms.site.Sections;
import org.springframework.stereotype.Component;

/**
 * Whether the current visitor may follow a redirect. An old address of member-only content (an
 * entry renamed or moved, an imported item or its file) would otherwise tell anyone its new
 * address, and with it the title; to a visitor who may not see the content, such a redirect is
 * answered as if there were none.
 */
@Component
public class RedirectTargets {

    private final Sections sections;
    private final SectionAccess access;
    private final MediaLibrary media;
    private final List<MediaUsage> usages;
    private final Entries entries;

    RedirectTargets(Sections sections, SectionAccess access, MediaLibrary media, List<MediaUsage> usages,
                    Entries entries) {
        this.sections = sections;
        this.access = access;
        this.media = media;
        this.usages = usages;
        this.entries = entries;
    }

    public boolean mayFollow(String target) {
        String path = target.split("[?#]", 2)[0];
        if (path.startsWith("/media/")) {
            return media.find(path.substring("/media/".length())).map(this::fileMayBeShown).orElse(true);
        }
        if (!path.startsWith("/") || path.startsWith("//")) {
            return true; // another site
        }
        List<String> segments = Arrays.asList(path.substring(1).split("/"));
        for (int end = segments.size(); end >= 2; end--) { // the deepest section on the way decides
            Optional<Section> section = sections.byPath(segments.get(0), String.join("/", segments.subList(1, end)));
            if (section.isPresent()) {
                return access.canSee(section.get().id());
            }
        }
        return true;
    }

    /** A file no entry uses (a logo, say) is anyone's; otherwise some entry using it must be visible. */
    private boolean fileMayBeShown(MediaItem item) {
        List<Long> users = usages.stream().flatMap(u -> u.entriesUsing(item).stream()).distinct().toList();
        return users.isEmpty() || users.stream().flatMap(id -> entries.find(id).stream())
                .anyMatch(e -> entries.isVisible(e) && access.canSee(e.sectionId()));
    }
}
