package org.heraldcms.identity;

import java.time.Instant;

/** An account, without its password hash. */
public record User(long id, String username, String displayName, Role role, boolean enabled, Instant createdAt) {
}
