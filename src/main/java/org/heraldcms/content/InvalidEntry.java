package org.heraldcms.content;

/** An entry that cannot be saved as handed in; the message says why, for the person who handed it in. */
public class InvalidEntry extends RuntimeException {

    public InvalidEntry(String message) {
        super(message);
    }
}
