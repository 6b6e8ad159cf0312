package org.heraldcms.kinds.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.heraldcms.content.EntryExpiry;
import org.heraldcms.kinds.KindCard;
import org.heraldcms.kinds.KindFields;
import org.heraldcms.platform.Timestamps;

/**
 * What every kind query shares: the entry columns of a card and the public site's visibility rule,
 * which leaves out the sections the visitor may not see (bind {@code hidden} with
 * {@link org.heraldcms.site.SectionAccess#hidden()}).
 */
final class KindSql {

    static final String CARD = "e.id, e.translation_group_id, e.language, e.section_id, e.title, e.slug, e.summary, "
            + "e.published_at";
    static final String VISIBLE = "e.status = 'published' AND e.published_at <= :now"
            + " AND e.section_id NOT IN (:hidden) AND " + EntryExpiry.NOT_EXPIRED;

    private KindSql() {
    }

    static <F extends KindFields> KindCard<F> card(ResultSet rs, F fields) throws SQLException {
        return new KindCard<>(rs.getLong("id"), rs.getLong("translation_group_id"), rs.getString("language"),
                rs.getLong("section_id"), rs.getString("title"), rs.getString("slug"), rs.getString("summary"),
                Timestamps.parse(rs.getString("published_at")), fields);
    }
}
