package org.heraldcms.migration.internal;

import java.util.ArrayList;
import java.util.List;

import org.heraldcms.migration.ImportReport;

/** Counts what an import does. */
public final class ReportBuilder {

    private static final int MAX_WARNINGS = 100;

    public long created;
    public long updated;
    public long unchanged;
    public long skipped;
    public long sectionsCreated;
    public long redirects;
    public long media;
    public long submissions;
    private final List<String> warnings = new ArrayList<>();

    public void warn(String warning) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        }
    }

    public ImportReport build(String source) {
        return new ImportReport(source, created, updated, unchanged, skipped, sectionsCreated, redirects, media, submissions,
                warnings);
    }
}
