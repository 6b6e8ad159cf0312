package org.heraldcms.kinds;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;

import org.heraldcms.content.Entries;
import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryMedia;
import org.heraldcms.content.EntryExpiry;
import org.heraldcms.content.InvalidEntry;
import org.heraldcms.kinds.internal.DocumentRepository;
import org.heraldcms.kinds.internal.EventRepository;
import org.heraldcms.kinds.internal.LinkRepository;
import org.heraldcms.kinds.internal.VacancyRepository;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.heraldcms.site.SiteSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saving an entry together with the fields of its section's kind, in one transaction: the entry's
 * events fire after both are stored, so search, caches and sitemaps see the whole.
 */
@Service
public class KindEntries {

    private final Entries entries;
    private final Sections sections;
    private final EntryExpiry expiry;
    private final MediaLibrary media;
    private final DocumentRepository documents;
    private final EventRepository events;
    private final VacancyRepository vacancies;
    private final LinkRepository links;
    private final Clock clock;
    private final KindRevisions revisions;
    private final SiteSettings site;

    KindEntries(Entries entries, Sections sections, EntryExpiry expiry, MediaLibrary media, DocumentRepository documents,
                EventRepository events, VacancyRepository vacancies, LinkRepository links, Optional<Clock> clock,
                SiteSettings site, KindRevisions revisions) {
        this.site = site;
        this.revisions = revisions;
        this.entries = entries;
        this.sections = sections;
        this.expiry = expiry;
        this.media = media;
        this.documents = documents;
        this.events = events;
        this.vacancies = vacancies;
        this.links = links;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Transactional
    public Entry save(EntryDraft draft, KindFields fields, String savedBy) {
        return save(draft, null, fields, savedBy);
    }

    /** Saves the entry with this cover and these attachments ({@code null}: keep them) and its kind's fields. */
    @Transactional
    public Entry save(EntryDraft draft, EntryMedia media, KindFields fields, String savedBy) {
        Entry entry = entries.save(draft, media, savedBy);
        store(entry, fields);
        revisions.record(entry.id(), fieldsOf(entry.id()));
        return entry;
    }

    /** The kind fields an entry has, or {@link KindFields#NONE}. */
    public KindFields fieldsOf(long entryId) {
        return Stream.<Optional<? extends KindFields>>of(documents.find(entryId), events.find(entryId),
                        vacancies.find(entryId), links.find(entryId))
                .flatMap(Optional::stream).findFirst().map(f -> (KindFields) f)
                .orElseGet(() -> events.reportedGroup(entryId).<KindFields>map(EventReport::new).orElse(KindFields.NONE));
    }

    /** Words of an entry's kind fields that search should find it by (a document's symbol, a duty station...). */
    public String searchableText(long entryId) {
        KindFields f = fieldsOf(entryId);
        if (f instanceof DocumentFields d) {
            return d.symbol() + " " + d.type();
        }
        if (f instanceof EventFields e) {
            return e.place() + " " + e.organisers();
        }
        if (f instanceof VacancyFields v) {
            return v.grade() + " " + v.dutyStation();
        }
        return "";
    }

    /**
     * The next instant after now at which a public page changes by the clock alone (an expiry, a
     * publication coming due, an event ending): a cached page is good until then.
     */
    public Optional<Instant> nextChange() {
        Instant now = clock.instant();
        Optional<Instant> a = expiry.nextChange(now);
        Optional<Instant> b = events.nextEnd(now);
        ZoneId zone = site.current().timeZone();
        Optional<Instant> month = Optional.of(YearMonth.now(clock.withZone(zone)).plusMonths(1).atDay(1)
                .atStartOfDay(zone).toInstant()); // events pages link to "this month"
        return Stream.of(a, b, month).flatMap(Optional::stream).min(Instant::compareTo);
    }

    private void store(Entry entry, KindFields fields) {
        SectionKind kind = sections.byId(entry.sectionId()).orElseThrow().kind();
        if (fields instanceof DocumentFields d) {
            expect(kind, SectionKind.DOCUMENTS, "document");
            if (documents.holder(entry.language(), d.symbol(), entry.id()).isPresent()) {
                throw new InvalidEntry("Another " + entry.language() + " document has the symbol " + d.symbol());
            }
            checkMedia(d.mediaName(), false);
            documents.put(entry.id(), entry.language(), d);
        } else if (fields instanceof EventFields e) {
            expect(kind, SectionKind.EVENTS, "event");
            events.put(entry.id(), e);
        } else if (fields instanceof VacancyFields v) {
            expect(kind, SectionKind.VACANCIES, "vacancy");
            vacancies.put(entry.id(), v);
            expiry.set(entry.id(), v.closesAt());
        } else if (fields instanceof LinkFields l) {
            if (kind != SectionKind.LINK && kind != SectionKind.BANNERS) {
                throw new InvalidEntry("Only entries of a links or banners section have a link");
            }
            checkMedia(l.mediaName(), true);
            links.put(entry.id(), l);
            expiry.set(entry.id(), l.endsAt());
        } else if (fields instanceof EventReport r) {
            if (r.eventGroupId() != null && !events.isEventGroup(r.eventGroupId())) {
                throw new InvalidEntry("There is no event " + r.eventGroupId() + " to report on");
            }
            events.putReport(entry.id(), r.eventGroupId());
        }
    }

    private static void expect(SectionKind actual, SectionKind wanted, String what) {
        if (actual != wanted) {
            throw new InvalidEntry("Only entries of a " + wanted.code() + " section are a " + what);
        }
    }

    private void checkMedia(String name, boolean image) {
        if (name.isEmpty()) {
            return;
        }
        var item = media.find(name).orElseThrow(() -> new InvalidEntry("There is no file " + name + " in the media library"));
        if (image && !item.isImage()) {
            throw new InvalidEntry("The file " + name + " is not an image");
        }
    }
}
