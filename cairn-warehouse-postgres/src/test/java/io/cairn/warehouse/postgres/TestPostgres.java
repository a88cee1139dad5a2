package io.cairn.warehouse.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Static helpers for tests against a real PostgreSQL: one embedded server per test class, one database per test. */
final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestPostgres() {}

    static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void stop(EmbeddedPostgres postgres) {
        try {
            if (postgres != null) {
                postgres.close();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty database on the server; returns its JDBC URL. */
    static String newDatabase(EmbeddedPostgres postgres, String prefix) {
        String name = prefix + "_" + DATABASES.incrementAndGet();
        execute(url(postgres, "postgres"), "postgres", "CREATE DATABASE " + name);
        return url(postgres, name);
    }

    static String url(EmbeddedPostgres postgres, String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    static PostgresWarehouse open(String url) {
        return PostgresWarehouse.open(new PostgresWarehouse.ConnectionSettings(url, "postgres", null, null, 2));
    }

    static void execute(String url, String user, String... statements) {
        try (Connection connection = DriverManager.getConnection(url, user, null);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + List.of(statements) + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row, as text. */
    static List<String> query(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
