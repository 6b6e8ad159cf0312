package org.heraldcms.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.heraldcms.identity.internal.MemberRepository;
import org.heraldcms.platform.Ids;
import org.heraldcms.platform.RateLimit;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Member groups and member accounts of the public site, and checking a member's password. */
@Service
public class Members {

    /** The session attribute holding the signed-in member's id. */
    public static final String SESSION_ATTRIBUTE = "herald.member";

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final int MIN_PASSWORD = 12;
    private static final int MAX_PASSWORD_BYTES = 72;

    private final MemberRepository repository;
    private final PasswordEncoder encoder;
    private final RateLimit perAddress;
    private final RateLimit overall;
    private final String missingHash;

    Members(MemberRepository repository, PasswordEncoder encoder) {
        this.repository = repository;
        this.encoder = encoder;
        this.perAddress = new RateLimit(10, Duration.ofMinutes(10), Clock.systemUTC());
        this.overall = new RateLimit(300, Duration.ofMinutes(1), Clock.systemUTC());
        this.missingHash = encoder.encode("no such member, compared so that timing says nothing");
    }

    public List<MemberGroup> groups() {
        return repository.groups();
    }

    public Optional<MemberGroup> group(long id) {
        return groups().stream().filter(g -> g.id() == id).findFirst();
    }

    public Optional<MemberGroup> groupNamed(String name) {
        return groups().stream().filter(g -> g.name().equals(name)).findFirst();
    }

    @Transactional
    public MemberGroup addGroup(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new InvalidAccount("A member group needs a name of at most 200 characters");
        }
        if (groupNamed(clean).isPresent()) {
            throw new InvalidAccount("There is already a member group named " + clean);
        }
        MemberGroup group = new MemberGroup(Ids.next(), clean);
        repository.insertGroup(group);
        return group;
    }

    public List<Member> all() {
        return repository.members();
    }

    public Optional<Member> find(long id) {
        return repository.member(id);
    }

    @Transactional
    public Member add(String username, String displayName, long groupId, char[] password) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidAccount("A username is 2 to 64 characters: lowercase letters a-z, digits, '.', '_' or '-'");
        }
        group(groupId).orElseThrow(() -> new InvalidAccount("There is no member group " + groupId));
        if (repository.byUsername(name).isPresent()) {
            throw new InvalidAccount("The member " + name + " already exists");
        }
        String text = password == null ? "" : new String(password);
        if (text.codePointCount(0, text.length()) < MIN_PASSWORD
                || text.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidAccount("A password is at least " + MIN_PASSWORD + " characters and at most "
                    + MAX_PASSWORD_BYTES + " bytes long");
        }
        String shown = displayName == null || displayName.isBlank() ? name : displayName.strip();
        Member member = new Member(Ids.next(), name, shown.length() > 200 ? shown.substring(0, 200) : shown, groupId,
                true, Instant.now());
        repository.insertMember(member, encoder.encode(text));
        return member;
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        repository.setEnabled(id, enabled);
    }

    @Transactional
    public void delete(long id) {
        repository.deleteMember(id);
    }

    /** Whether this address (or everyone together) may try to sign in now; counts the try. */
    public boolean maySignIn(String address) {
        return perAddress.tryAcquire(address) && overall.tryAcquire("*");
    }

    /** The enabled member with this username and password. */
    public Optional<Member> check(String username, String password) {
        Optional<MemberRepository.Stored> stored = repository.byUsername(username == null ? "" : username.strip());
        String hash = stored.map(MemberRepository.Stored::hash).orElse(missingHash);
        boolean matches = password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES
                && encoder.matches(password, hash);
        return stored.filter(s -> matches && s.member().enabled()).map(MemberRepository.Stored::member);
    }
}
