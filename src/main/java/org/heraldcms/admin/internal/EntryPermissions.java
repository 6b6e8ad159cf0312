package org.heraldcms.admin.internal;

import java.util.EnumSet;
import java.util.Set;

import org.heraldcms.content.EntryStatus;
import org.heraldcms.identity.Role;
import org.heraldcms.identity.User;

/**
 * Who may do what with an entry. Editors and admins: anything. Authors: write new entries and edit
 * their own while draft or in review. Translators: create translations and edit their own likewise.
 * Only editors and admins schedule, publish and archive.
 */
final class EntryPermissions {

    private static final Set<EntryStatus> WORKING = EnumSet.of(EntryStatus.DRAFT, EntryStatus.REVIEW);

    private EntryPermissions() {
    }

    static boolean canCreate(User me) {
        return me.role() != Role.TRANSLATOR;
    }

    static boolean canTranslate(User me) {
        return me.role() != Role.AUTHOR;
    }

    static boolean canEdit(User me, String owner, EntryStatus status) {
        return me.role().publishes() || (me.username().equals(owner) && WORKING.contains(status));
    }

    static Set<EntryStatus> statuses(User me) {
        return me.role().publishes() ? EnumSet.allOf(EntryStatus.class) : WORKING;
    }

    static void checkStatus(User me, EntryStatus wanted) {
        if (!statuses(me).contains(wanted)) {
            throw new Forbidden("A " + me.role().code() + " cannot set the status '" + wanted.code()
                    + "': ask an editor to schedule or publish");
        }
    }

    static void checkEdit(User me, String owner, EntryStatus status) {
        if (!canEdit(me, owner, status)) {
            throw new Forbidden("You may not edit this entry");
        }
    }
}
