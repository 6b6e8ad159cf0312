package org.heraldcms.search;

/** Told how a rebuild of the index goes: the number of entries first, then each one indexed. */
public interface RebuildProgress {

    RebuildProgress NONE = new RebuildProgress() {
    };

    default void started(long entries) {
    }

    default void indexed(long done) {
    }
}
