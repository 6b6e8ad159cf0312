package org.heraldcms.admin.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.heraldcms.content.Entry;
import org.heraldcms.content.EntryDraft;
import org.heraldcms.content.EntryMedia;
import org.heraldcms.kinds.DocumentFields;
import org.heraldcms.kinds.EventFields;
import org.heraldcms.kinds.EventReport;
import org.heraldcms.kinds.Events;
import org.heraldcms.kinds.KindEntries;
import org.heraldcms.kinds.KindFields;
import org.heraldcms.kinds.LinkFields;
import org.heraldcms.kinds.VacancyFields;
import org.heraldcms.media.MediaItem;
import org.heraldcms.media.MediaLibrary;
import org.heraldcms.site.Section;
import org.heraldcms.site.SectionKind;
import org.heraldcms.site.Sections;
import org.springframework.stereotype.Component;

/** The editor's part for section kinds: saving an entry with its kind fields, and the form's values. */
@Component
class KindEditing {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final KindEntries kinds;
    private final Events events;
    private final Sections sections;
    private final MediaLibrary media;
    private final AdminView view;

    KindEditing(KindEntries kinds, Events events, Sections sections, MediaLibrary media, AdminView view) {
        this.kinds = kinds;
        this.events = events;
        this.sections = sections;
        this.media = media;
        this.view = view;
    }

    Entry save(EntryDraft draft, Map<String, String> params, String by) {
        return save(draft, null, params, by);
    }

    /** Saves the entry with its cover and attachments ({@code null}: as they are) and its kind's fields. */
    Entry save(EntryDraft draft, EntryMedia media, Map<String, String> params, String by) {
        SectionKind kind = sections.byId(draft.sectionId()).map(Section::kind).orElse(SectionKind.PAGE);
        return kinds.save(draft, media, KindForm.parse(kind, params, view.zone()), by);
    }

    /**
     * Puts the kind fields into the editor's model: {@code kind} is the section's kind (null for a
     * new entry whose section is not chosen yet: every kind's fields are shown) and {@code k} the values.
     */
    void model(Map<String, Object> model, Entry entry, Entry source, String language, String sectionParam) {
        Long sectionId = entry != null ? Long.valueOf(entry.sectionId()) : source != null ? Long.valueOf(source.sectionId())
                : parse(sectionParam);
        SectionKind kind = sectionId == null ? null : sections.byId(sectionId).map(Section::kind).orElse(null);
        model.put("kind", kind == null ? "" : kind.code());
        Entry from = entry != null ? entry : source;
        KindFields fields = from == null ? KindFields.NONE : kinds.fieldsOf(from.id());
        model.put("k", values(fields, entry != null));
        model.put("documentTypes", DocumentFields.TYPES);
        model.put("zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
        List<MediaItem> recent = media.recent(200);
        model.put("mediaFiles", recent.stream().filter(m -> !m.isImage()).toList());
        model.put("mediaImages", recent.stream().filter(MediaItem::isImage).toList());
        model.put("eventChoices", events.choices(language).stream()
                .map(c -> Map.of("group", c.groupId(), "title", c.title())).toList());
        if (sectionParam != null && entry == null && source == null) {
            model.put("chosenSection", sectionId);
        }
    }

    private Map<String, Object> values(KindFields fields, boolean ownFile) {
        Map<String, Object> k = new HashMap<>();
        k.put("zone", view.zone().getId());
        if (fields instanceof DocumentFields d) {
            k.put("symbol", d.symbol());
            k.put("date", d.date().toString());
            k.put("type", d.type());
            k.put("file", ownFile ? d.mediaName() : ""); // a translation has a file of its own language
        } else if (fields instanceof EventFields e) {
            k.put("start", LOCAL.format(e.start()));
            k.put("end", LOCAL.format(e.end()));
            k.put("zone", e.zone().getId());
            k.put("place", e.place());
            k.put("online", e.online());
            k.put("organisers", e.organisers());
            k.put("participants", e.participants());
        } else if (fields instanceof VacancyFields v) {
            k.put("grade", v.grade());
            k.put("station", v.dutyStation());
            k.put("closes", v.closesAt() == null ? "" : LOCAL.format(LocalDateTime.ofInstant(v.closesAt(), view.zone())));
        } else if (fields instanceof LinkFields l) {
            k.put("url", l.url());
            k.put("image", l.mediaName());
            k.put("position", l.position());
            k.put("ends", l.endsAt() == null ? "" : LOCAL.format(LocalDateTime.ofInstant(l.endsAt(), view.zone())));
        } else if (fields instanceof EventReport r && r.eventGroupId() != null) {
            k.put("event", r.eventGroupId());
        }
        return k;
    }

    private static Long parse(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
