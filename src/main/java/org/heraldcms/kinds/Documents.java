package org.heraldcms.kinds;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.heraldcms.kinds.internal.DocumentRepository;
import org.heraldcms.platform.Page;
import org.springframework.stereotype.Service;

/** Official documents on the public site: lists with filters, and finding one by its symbol. */
@Service
public class Documents {

    private final DocumentRepository documents;
    private final Clock clock;

    Documents(DocumentRepository documents, Optional<Clock> clock) {
        this.documents = documents;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public Optional<DocumentFields> of(long entryId) {
        return documents.find(entryId);
    }

    /** The visible entry of this language with this symbol; anything that is not a well-formed symbol finds nothing. */
    public Optional<Long> bySymbol(String language, String symbol) {
        if (!DocumentFields.isSymbol(symbol)) {
            return Optional.empty();
        }
        return documents.visibleBySymbol(language, symbol, clock.instant());
    }

    /** A section's visible documents, newest document date first; year and type may be null (no filter). */
    public Page<KindCard<DocumentFields>> list(String language, long sectionId, Integer year, String type, int page,
                                               int size) {
        var now = clock.instant();
        return new Page<>(documents.list(language, sectionId, year, type, now, size, Page.offset(page, size)), page, size,
                documents.count(language, sectionId, year, type, now));
    }

    public List<String> years(String language, long sectionId) {
        return documents.years(language, sectionId, clock.instant());
    }
}
