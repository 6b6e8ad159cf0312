package org.heraldcms.identity.internal;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/** Ends every session of an account (after a password or role change). Sessions live in this node's memory. */
@Component
public class Sessions {

    private final SessionRegistry registry;

    Sessions(SessionRegistry registry) {
        this.registry = registry;
    }

    public void end(String username) {
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof UserDetails details && details.getUsername().equals(username)) {
                registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }
}
