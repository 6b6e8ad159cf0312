package org.heraldcms.publishing.internal;

import java.util.List;
import java.util.Optional;

import org.heraldcms.content.Entry;
import org.heraldcms.publishing.internal.Links.Link;
import org.heraldcms.search.Search;
import org.heraldcms.search.SearchHit;
import org.heraldcms.site.Sections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The "related entries" of an entry page: the published entries of its language most like it. */
@Component
class RelatedEntries {

    static final int HOW_MANY = 5;
    private static final Logger log = LoggerFactory.getLogger(RelatedEntries.class);

    private final Search search;
    private final Sections sections;

    RelatedEntries(Search search, Sections sections) {
        this.search = search;
        this.sections = sections;
    }

    List<Link> of(Entry entry) {
        try {
            return search.related(entry, HOW_MANY).stream().map(this::link).flatMap(Optional::stream).toList();
        } catch (RuntimeException e) {
            log.warn("Related entries of entry {} could not be found", entry.id(), e);
            return List.of();
        }
    }

    private Optional<Link> link(SearchHit hit) {
        return sections.byId(hit.sectionId()).filter(s -> s.in(hit.language()).isPresent())
                .map(s -> new Link(hit.title(), s.entryPath(hit.language(), hit.slug())));
    }
}
