package org.heraldcms.kinds;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.heraldcms.kinds.internal.LinkRepository;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.springframework.stereotype.Service;

/** Friendly links and home-page banners: ordered, shown from their publishing time until their end. */
@Service
public class Links {

    /** A link or banner ready to show, its image resolved (null when it has none). */
    public record Shown(KindCard<LinkFields> card, MediaItem image) {
    }

    private final LinkRepository links;
    private final Sections sections;
    private final MediaLibrary media;
    private final Clock clock;

    Links(LinkRepository links, Sections sections, MediaLibrary media, Optional<Clock> clock) {
        this.links = links;
        this.sections = sections;
        this.media = media;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public Optional<LinkFields> of(long entryId) {
        return links.find(entryId);
    }

    public List<Shown> inSection(String language, long sectionId) {
        return shown(links.visible(language, List.of(sectionId), clock.instant()));
    }

    /** The banners of every banners section that has a name in this language, in order. */
    public List<Shown> banners(String language) {
        List<Long> ids = sections.all().stream()
                .filter(s -> s.kind() == SectionKind.BANNERS && s.in(language).isPresent()).map(Section::id).toList();
        return shown(links.visible(language, ids, clock.instant()));
    }

    private List<Shown> shown(List<KindCard<LinkFields>> cards) {
        return cards.stream().map(c -> new Shown(c,
                c.fields().mediaName().isEmpty() ? null : media.find(c.fields().mediaName()).orElse(null))).toList();
    }
}
