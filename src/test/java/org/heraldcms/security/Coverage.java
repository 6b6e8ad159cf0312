package org.heraldcms.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many payloads each route and parameter got, printed after a test class and appended to
 * {@code target/security-coverage.txt} (the closing note of issue 8 quotes it).
 */
final class Coverage {

    private final String kind;
    private final Map<String, Map<String, AtomicInteger>> counts = new TreeMap<>();

    Coverage(String kind) {
        this.kind = kind;
    }

    synchronized void count(String route, String parameter) {
        counts.computeIfAbsent(route, r -> new TreeMap<>()).computeIfAbsent(parameter, p -> new AtomicInteger())
                .incrementAndGet();
    }

    synchronized int total() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToInt(AtomicInteger::get).sum();
    }

    synchronized String report() {
        StringBuilder out = new StringBuilder("== " + kind + ": " + counts.size() + " routes, "
                + counts.values().stream().mapToInt(Map::size).sum() + " route parameters, " + total() + " requests\n");
        counts.forEach((route, params) -> {
            out.append(route).append("  ");
            params.forEach((p, n) -> out.append(p).append('=').append(n.get()).append(' '));
            out.append('\n');
        });
        return out.toString();
    }

    void print() {
        String report = report();
        System.out.println(report);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/security-coverage.txt"), report + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
