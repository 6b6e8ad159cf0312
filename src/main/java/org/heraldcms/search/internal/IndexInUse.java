package org.heraldcms.search.internal;

/** The search index is open for writing in another Herald process (the running server, as a rule). */
class IndexInUse extends IllegalStateException {

    IndexInUse(String message) {
        super(message);
    }
}
