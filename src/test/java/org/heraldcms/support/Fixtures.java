package org.heraldcms.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Shared test data outside the repository ({@code ../shared/fixtures}); never copied in. */
public final class Fixtures {

    public static final Path ROOT = Path.of(System.getenv().getOrDefault("HERALD_FIXTURES", "../shared/fixtures"));

    private Fixtures() {
    }

    /** The fixture, or the test is skipped with a message when the shared folder is absent. */
    public static Path require(String relative) {
        Path path = ROOT.resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "fixture " + path.toAbsolutePath() + " is absent: skipping");
        return path;
    }
}
