package org.heraldcms.identity;

/** A request about an account that cannot be done; the message says why, in words for the user. */
public class InvalidAccount extends RuntimeException {

    public InvalidAccount(String message) {
        super(message);
    }
}
