package org.heraldcms.publishing.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.heraldcms.content.Entries;
import org.heraldcms.content.EntryPublished;
import org.heraldcms.content.EntryUnpublished;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.media.MediaUsage;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionAccess;
import org.heraldcms.site.Sections;
import org.heraldcms.site.SiteChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Whether the current visitor may follow a redirect. An old address of member-only content (an
 * entry renamed or moved, an imported item or its file) would otherwise tell anyone its new
 * address, and with it the title; to a visitor who may not see the content, such a redirect is
 * answered as if there were none. A section's own list address is followed all the same: its
 * page shows visitors who may not read it the members' sign-in form, and tells no more.
 * Only site paths are judged: importers and renames write no other kind of target.
 */
@Component
public class RedirectTargets {

    private final Sections sections;
    private final SectionAccess access;
    private final MediaLibrary media;
    private final List<MediaUsage> usages;
    private final Entries entries;
    /**
     * Whether a file may be shown, by stored name and visitor group: working it out reads every
     * entry's text, and old file addresses are what crawlers and hotlinks ask for most.
     */
    private final Cache<String, Boolean> files = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5)).build(); // entries also expire by the clock

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
        int n = segments.size();
        boolean listAddress = path.endsWith("/");
        for (int end = n; end >= 2; end--) { // the deepest section on the way decides
            Optional<Section> section = sections.byPath(segments.get(0), String.join("/", segments.subList(1, end)));
            if (section.isPresent()) {
                boolean ownList = listAddress && (end == n || end == n - 2 && segments.get(n - 2).equals("page"));
                return ownList || access.canSee(section.get().id());
            }
        }
        return true;
    }

    /** A file no entry uses (a logo, say) is anyone's; otherwise some entry using it must be visible. */
    private boolean fileMayBeShown(MediaItem item) {
        String key = item.storedName() + " " + SectionAccess.currentGroup().map(String::valueOf).orElse("");
        return files.get(key, k -> {
            List<Long> users = usages.stream().flatMap(u -> u.entriesUsing(item).stream()).distinct().toList();
            return users.isEmpty() || users.stream().flatMap(id -> entries.find(id).stream())
                    .anyMatch(e -> entries.isVisible(e) && access.canSee(e.sectionId()));
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EntryPublished event) {
        files.invalidateAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EntryUnpublished event) {
        files.invalidateAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SiteChanged event) {
        files.invalidateAll(); // limits changed, here or in another process
    }
}
