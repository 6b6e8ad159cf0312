package org.heraldcms.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's services for tests. Where one is missing, its tests are skipped with a
 * message, unless {@code HERALD_TEST_SERVICES=required} (as CI sets it): then they fail.
 */
public final class TestServices {

    public static final String POSTGRES_URL = System.getenv().getOrDefault("HERALD_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getenv().getOrDefault("HERALD_TEST_POSTGRES_USER", "postgres");

    private TestServices() {
    }

    public static boolean required() {
        return "required".equals(System.getenv("HERALD_TEST_SERVICES"));
    }

    /** Skips (or fails, when services are required) unless PostgreSQL answers. */
    public static void assumePostgres() {
        try (Connection c = postgres()) {
            c.isValid(2);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + POSTGRES_URL + " (" + e.getMessage() + ")";
            if (required()) {
                Assertions.fail(message + "; HERALD_TEST_SERVICES=required");
            }
            Assumptions.abort(message + ": skipping the PostgreSQL tests");
        }
    }

    /** A new, empty schema of its own, so no earlier run's leftovers matter. */
    public static String createPostgresSchema() throws SQLException {
        String schema = "herald_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = postgres(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return schema;
    }

    public static void dropPostgresSchema(String schema) throws SQLException {
        if (schema == null) {
            return;
        }
        try (Connection c = postgres(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    public static String postgresUrl(String schema) {
        return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static Connection postgres() throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
    }
}
