package org.heraldcms.migration;

/** Where a long import or backup is: the command line draws it as a progress bar. */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {
        @Override
        public void max(long max) {
        }

        @Override
        public void at(long done) {
        }
    };

    /** How much work there is (bytes of a file, rows, items); may be called again when better known. */
    void max(long max);

    /** How much is done, in the unit of {@link #max}. */
    void at(long done);
}
