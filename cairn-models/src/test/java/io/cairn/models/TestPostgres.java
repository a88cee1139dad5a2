package io.cairn.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import io.cairn.warehouse.postgres.PostgresWarehouse;

/**
 * One embedded PostgreSQL server for the model tests of this JVM (as cairn-core's {@code TestPostgres}, whose test
 * classes this module cannot see), started on first use and stopped when the JVM exits; each caller gets a
 * warehouse on a database of its own.
 */
final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {}

    /** A PostgreSQL warehouse on a new, empty database named {@code <prefix>_<n>}. */
    static PostgresWarehouse newWarehouse(String prefix) {
        EmbeddedPostgres postgres = server();
        String name = prefix + "_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
        return PostgresWarehouse.open(new PostgresWarehouse.ConnectionSettings(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres", null, null, 4));
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.start();
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL for tests", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                }
                catch (IOException e) {
                    // the JVM is exiting; the server's folder is temporary
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
