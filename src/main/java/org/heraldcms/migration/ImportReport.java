package org.heraldcms.migration;

import java.util.List;

/**
 * What an import did. A second run of the same source reports its items as unchanged
 * (or updated where the source changed), never as created again.
 *
 * @param submissions form submissions and guestbook messages carried over (created or updated)
 * @param warnings    items that were skipped or need a look, one line each (the first 100)
 */
public record ImportReport(String source, long created, long updated, long unchanged, long skipped,
                           long sectionsCreated, long redirects, long mediaReferences, long submissions,
                           List<String> warnings) {

    public ImportReport {
        warnings = List.copyOf(warnings);
    }

    public String summary() {
        String summary = "%d created, %d updated, %d unchanged, %d skipped; %d sections created, %d redirects, %d media references"
                .formatted(created, updated, unchanged, skipped, sectionsCreated, redirects, mediaReferences);
        return submissions == 0 ? summary : summary + ", " + submissions + " form submissions";
    }
}
