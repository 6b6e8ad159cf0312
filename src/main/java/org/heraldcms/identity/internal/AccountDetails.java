package org.heraldcms.identity.internal;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Spring Security's view of an account: its hash and its one role as {@code ROLE_ADMIN} etc. */
@Component
class AccountDetails implements UserDetailsService {

    private final UserRepository users;

    AccountDetails(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        org.heraldcms.identity.User user = users.find(username == null ? "" : username)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return new User(user.username(), users.passwordHash(user.username()).orElseThrow(), user.enabled(), true, true,
                true, List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
    }
}
