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

    public static final String MARIADB_URL = System.getenv().getOrDefault("HERALD_TEST_MARIADB_URL",
            "jdbc:mariadb://127.0.0.1:3306/");
    public static final String MARIADB_USER = System.getenv().getOrDefault("HERALD_TEST_MARIADB_USER", "root");

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

    /** Skips (or fails, when services are required) unless MariaDB answers. */
    public static void assumeMariaDb() {
        try (Connection c = mariaDb("")) {
            c.isValid(2);
        } catch (SQLException e) {
            String message = "MariaDB is not reachable at " + MARIADB_URL + " (" + e.getMessage() + ")";
            if (required()) {
                Assertions.fail(message + "; HERALD_TEST_SERVICES=required");
            }
            Assumptions.abort(message + ": skipping the MariaDB tests");
        }
    }

    /** A new, empty MariaDB database of its own (drop it with {@link #dropMariaDbDatabase}). */
    public static String createMariaDbDatabase() throws SQLException {
        String name = "herald_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = mariaDb(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return name;
    }

    public static void dropMariaDbDatabase(String name) throws SQLException {
        if (name == null) {
            return;
        }
        try (Connection c = mariaDb(""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    public static String mariaDbUrl(String database) {
        return MARIADB_URL + database;
    }

    public static Connection mariaDb(String database) throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(mariaDbUrl(database), MARIADB_USER, "");
    }
}
