package org.heraldcms.identity;

import java.util.Locale;

/** What an account may do. A role may grant only roles of its own rank or lower. */
public enum Role {
    AUTHOR(1), TRANSLATOR(1), EDITOR(2), ADMIN(3);

    private final int rank;

    Role(int rank) {
        this.rank = rank;
    }

    public boolean canGrant(Role other) {
        return other.rank <= rank;
    }

    /** Editors and admins: they publish, schedule and archive. */
    public boolean publishes() {
        return rank >= EDITOR.rank;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named by {@code code}; an unknown name is an {@link InvalidAccount}. */
    public static Role of(String code) {
        for (Role r : values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        throw new InvalidAccount("There is no role '" + code + "' (admin, editor, author, translator)");
    }
}
