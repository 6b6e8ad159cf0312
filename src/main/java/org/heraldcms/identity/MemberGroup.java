package org.heraldcms.identity;

/** A group of members; a section limited to a group is shown to its signed-in members only. */
public record MemberGroup(long id, String name) {
}
