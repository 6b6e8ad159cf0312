package org.heraldcms.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.heraldcms.identity.internal.Sessions;
import org.heraldcms.identity.internal.UserRepository;
import org.heraldcms.platform.Ids;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: creating them, roles, passwords. Changing a password or role ends the account's sessions. */
@Service
public class Users {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"',;]{1,64}@[A-Za-z0-9.-]{1,189}\\.[A-Za-z]{2,63}");
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD_BYTES = 72;

    private final UserRepository repository;
    private final PasswordEncoder encoder;
    private final Sessions sessions;

    Users(UserRepository repository, PasswordEncoder encoder, Sessions sessions) {
        this.repository = repository;
        this.encoder = encoder;
        this.sessions = sessions;
    }

    /** Adds an account on behalf of {@code grantedBy} (empty: the operator at the command line). */
    @Transactional
    public User add(String username, String displayName, Role role, char[] password, Optional<Role> grantedBy) {
        grantedBy.filter(g -> !g.canGrant(role)).ifPresent(g -> {
            throw new InvalidAccount("A " + g.code() + " cannot create an account with the role " + role.code());
        });
        String name = checkedUsername(username);
        User user = new User(Ids.next(), name, displayName == null || displayName.isBlank() ? name
                : clean(displayName), role, true, Instant.now());
        try {
            repository.insert(user, encoder.encode(checkedPassword(password)));
        } catch (DuplicateKeyException e) {
            throw new InvalidAccount("There is already an account named '" + name + "'");
        }
        return user;
    }

    /** The web setup: creates the first admin, once, and only while there is no admin. */
    @Transactional
    public User setUpFirstAdmin(String username, char[] password) {
        if (hasAdmin() || !repository.claimSetup()) {
            throw new InvalidAccount("This site is already set up");
        }
        return add(username, username, Role.ADMIN, password, Optional.empty());
    }

    public boolean hasAdmin() {
        return repository.anyWithRole(Role.ADMIN);
    }

    public Optional<User> find(String username) {
        return repository.find(username);
    }

    public Optional<User> find(long id) {
        return repository.find(id);
    }

    public List<User> all() {
        return repository.all();
    }

    @Transactional
    public void changePassword(String username, char[] current, char[] next) {
        User user = find(username).orElseThrow(() -> new InvalidAccount("There is no account " + username));
        if (!encoder.matches(new String(current), repository.passwordHash(username).orElse(""))) {
            throw new InvalidAccount("The current password is not right");
        }
        repository.updatePassword(user.id(), encoder.encode(checkedPassword(next)));
        sessions.end(username);
    }

    /** Changes another account's role or switches it off; {@code actor} may not hand out more than it holds. */
    @Transactional
    public User changeRole(long id, Role role, boolean enabled, Role actor) {
        User user = find(id).orElseThrow(() -> new InvalidAccount("There is no account " + id));
        if (!actor.canGrant(role) || !actor.canGrant(user.role())) {
            throw new InvalidAccount("A " + actor.code() + " cannot give or take the role " + role.code());
        }
        repository.updateRole(id, role, enabled);
        sessions.end(user.username());
        return find(id).orElseThrow();
    }

    /** Sets the address password-reset links go to; blank removes it. */
    @Transactional
    public void changeEmail(long id, String email) {
        String address = email == null ? "" : email.strip();
        if (!address.isEmpty() && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
            throw new InvalidAccount("That is not an e-mail address");
        }
        repository.updateEmail(id, address.isEmpty() ? null : address);
    }

    public Optional<String> email(long id) {
        return repository.email(id);
    }

    private static String checkedUsername(String username) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidAccount("A username is 2 to 64 characters: lowercase letters a-z, digits, '.', '_' or '-'");
        }
        return name;
    }

    static String checkedPassword(char[] password) {
        String text = password == null ? "" : new String(password);
        if (text.codePointCount(0, text.length()) < MIN_PASSWORD
                || text.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidAccount("A password is at least " + MIN_PASSWORD + " characters and at most "
                    + MAX_PASSWORD_BYTES + " bytes long");
        }
        return text;
    }

    private static String clean(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(c -> !Character.isISOControl(c)).limit(200).forEach(out::appendCodePoint);
        return out.toString().strip();
    }
}
