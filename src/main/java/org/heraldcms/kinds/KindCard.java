package org.heraldcms.kinds;

import java.time.Instant;

/** An entry of a kind as lists show it: the entry's card and its kind fields (null when it has none). */
public record KindCard<F extends KindFields>(long id, long groupId, String language, long sectionId, String title,
                                             String slug, String summary, Instant publishedAt, F fields) {
}
