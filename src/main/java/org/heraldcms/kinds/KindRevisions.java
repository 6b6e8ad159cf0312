package org.heraldcms.kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.heraldcms.content.Entries;
import org.heraldcms.kinds.internal.RevisionKindRepository;
import org.heraldcms.site.SectionKind;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kind fields of each revision: recorded at every save through {@link KindEntries}, read back
 * to restore a revision whole and to show what changed between two.
 */
@Service
public class KindRevisions {

    private static final Map<String, Class<? extends KindFields>> TYPES = Map.of("document", DocumentFields.class,
            "event", EventFields.class, "vacancy", VacancyFields.class, "link", LinkFields.class,
            "report", EventReport.class);

    private final RevisionKindRepository snapshots;
    private final Entries entries;
    private final JsonMapper json = JsonMapper.builder().build();

    KindRevisions(RevisionKindRepository snapshots, Entries entries) {
        this.snapshots = snapshots;
        this.entries = entries;
    }

    /** Keeps these fields with the entry's latest revision. */
    void record(long entryId, KindFields fields) {
        String kind = TYPES.entrySet().stream().filter(t -> t.getValue().isInstance(fields)).map(Map.Entry::getKey)
                .findFirst().orElse("none");
        snapshots.put(entryId, entries.lastRevision(entryId), kind,
                kind.equals("none") ? "{}" : json.writeValueAsString(fields));
    }

    /**
     * The fields to save when restoring revision {@code number} of an entry in a section of
     * {@code sectionKind}; {@link KindFields#NONE} (keep what is stored) for a revision older than
     * this record.
     */
    public KindFields at(long entryId, int number, SectionKind sectionKind) {
        return snapshots.at(entryId, number).map(s -> {
            Class<? extends KindFields> type = TYPES.get(s.kind());
            if (type != null) {
                return json.readValue(s.fields(), type);
            }
            // a news entry that reported on no event then: restoring clears a report made since
            return sectionKind == SectionKind.NEWS ? (KindFields) new EventReport(null) : KindFields.NONE;
        }).orElse(KindFields.NONE);
    }

    /** A revision's kind fields as "name: value" lines, for the revision diff (empty when there are none). */
    public List<String> describe(long entryId, int number) {
        List<String> lines = new ArrayList<>();
        snapshots.at(entryId, number).filter(s -> TYPES.containsKey(s.kind())).ifPresent(s -> {
            JsonNode tree = json.readTree(s.fields());
            for (String name : tree.propertyNames()) {
                JsonNode value = tree.get(name);
                lines.add(name + ": " + (value.isNull() ? "" : value.isValueNode() ? value.asString() : value.toString()));
            }
        });
        return lines;
    }
}
