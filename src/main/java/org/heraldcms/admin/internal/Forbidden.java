package org.heraldcms.admin.internal;

/** The signed-in account may not do this (a rule finer than the route table). */
class Forbidden extends RuntimeException {

    Forbidden(String message) {
        super(message);
    }
}
