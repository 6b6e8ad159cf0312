package org.heraldcms.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Failed logins counted on the server, per account and per address, in a sliding window.
 * In memory: each node counts its own (a limit per node still stops guessing at speed).
 */
@Component
public class LoginThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final int RESETS_PER_ACCOUNT = 3;
    static final int RESETS_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public boolean allowed(String username, String address) {
        return count("u:" + key(username)) < PER_ACCOUNT && count("a:" + address) < PER_ADDRESS;
    }

    public void failed(String username, String address) {
        if (failures.size() > MAX_KEYS) {
            failures.clear(); // a flood of invented names must not exhaust memory
        }
        add("u:" + key(username));
        add("a:" + address);
    }

    /** Password-reset requests: a few per account and per address in the same window, so mailboxes are not flooded. */
    public boolean resetAllowed(String login, String address) {
        return count("r:" + key(login)) < RESETS_PER_ACCOUNT && count("ra:" + address) < RESETS_PER_ADDRESS;
    }

    public void resetAsked(String login, String address) {
        if (failures.size() > MAX_KEYS) {
            failures.clear();
        }
        add("r:" + key(login));
        add("ra:" + address);
    }

    public void succeeded(String username) {
        failures.remove("u:" + key(username));
    }

    private int count(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant oldest = clock.instant().minus(WINDOW);
            while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
                times.pollFirst();
            }
            return times.size();
        }
    }

    private void add(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            if (times.size() > PER_ADDRESS * 2) {
                times.pollFirst();
            }
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
