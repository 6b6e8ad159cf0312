package org.heraldcms.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.heraldcms.platform.Timestamps;
import org.junit.jupiter.api.Test;

class PublishedQueriesTest {

    @Test
    void storedInstantsReadFastAndTheSameAsTheGeneralParser() {
        for (String text : new String[] {"2021-05-27T07:03:01.000Z", "1999-12-31T23:59:59.999Z", "2026-01-01T00:00:00.001Z"}) {
            assertThat(PublishedQueries.stored(text)).isEqualTo(Timestamps.parse(text));
        }
        Instant now = Instant.now();
        assertThat(PublishedQueries.stored(Timestamps.format(now))).isEqualTo(Timestamps.parse(Timestamps.format(now)));
        assertThat(PublishedQueries.stored(null)).isNull();
        assertThat(PublishedQueries.stored("2021-05-27T07:03:01Z")).isEqualTo(Instant.parse("2021-05-27T07:03:01Z"));
        assertThatThrownBy(() -> PublishedQueries.stored("2021-05-27T07:0x:01.000Z")).isInstanceOf(IllegalArgumentException.class);
    }
}
