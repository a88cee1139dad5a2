package io.cairn.core.alert;

import io.cairn.core.config.ControlPlaneSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** Alert state on a real PostgreSQL, one server per class and one database per test. */
class PostgresAlertStoreTest extends AlertStoreContractTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    protected ControlPlaneSettings newDatabase() throws SQLException {
        String name = "alerts_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new ControlPlaneSettings("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres",
                null);
    }
}
