package org.heraldcms.media;

import java.util.List;

/** A media item cannot be deleted while content uses it; the message names the uses. */
public class MediaInUse extends IllegalArgumentException {

    private final List<String> uses;

    public MediaInUse(String name, List<String> uses) {
        super("“" + name + "” is still used by " + String.join("; ", uses)
                + ". Choose another file there first, then delete it.");
        this.uses = List.copyOf(uses);
    }

    public List<String> uses() {
        return uses;
    }
}
