package org.heraldcms.identity;

import java.time.Instant;

/**
 * A member of the public site, in one member group. Members are not admin accounts: they live in
 * their own table, sign in on the public site and never reach {@code /admin}.
 */
public record Member(long id, String username, String displayName, long groupId, boolean enabled, Instant createdAt) {
}
